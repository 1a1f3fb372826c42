package org.reclaim.shared.database;

import org.reclaim.shared.DatabaseMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** A council's own PostgreSQL, configured through the standard spring.datasource.* settings. */
@Configuration(proxyBeanMethods = false)
@Conditional(DataSourceUrlGiven.class)
class ExternalDatabaseConfig {

    @Bean
    DatabaseMode databaseMode() {
        return new DatabaseMode(false);
    }
}
