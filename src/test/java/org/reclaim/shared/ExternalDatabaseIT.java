package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reclaim.ReclaimApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With SPRING_DATASOURCE_URL set, Reclaim uses that PostgreSQL: it starts nothing embedded, creates no demo users
 * and loads no demo data unless asked. The "council's" server here is a separate PostgreSQL process.
 */
class ExternalDatabaseIT {

    private static EmbeddedPostgres councilServer;

    @BeforeAll
    static void startCouncilServer() throws IOException {
        councilServer = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopCouncilServer() throws IOException {
        councilServer.close();
    }

    private static ConfigurableApplicationContext start(String database, String... extra) {
        JdbcClient.create(councilServer.getPostgresDatabase()).sql("create database " + database).update();
        String[] args = new String[extra.length + 5];
        args[0] = "--spring.datasource.url=" + councilServer.getJdbcUrl("postgres", database);
        args[1] = "--spring.datasource.username=postgres";
        args[2] = "--spring.datasource.password=";
        args[3] = "--server.port=0";
        args[4] = "--reclaim.demo.dwellings=100";
        System.arraycopy(extra, 0, args, 5, extra.length);
        return new SpringApplicationBuilder(ReclaimApplication.class).run(args);
    }

    @Test
    void noDemoUsersAndNoDemoDataWithACouncilsDatabase() {
        try (ConfigurableApplicationContext app = start("council_one")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(app.getBean(DatabaseMode.class).embedded()).isFalse();
            assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("council_one");
        }
    }

    @Test
    void demoDataOnlyWhenAskedAndStillNoDemoUsers() {
        try (ConfigurableApplicationContext app = start("council_two", "--reclaim.demo.enabled=true",
                "--reclaim.bootstrap-admin-password=a-long-first-password")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from account where stream = 'COUNCIL_TAX'").query(Long.class).single()).isEqualTo(100);
            assertThat(jdbc.sql("select username || ':' || role from staff_user").query(String.class).list()).containsExactly("admin:ADMIN");
        }
    }

    @Test
    void healthIsDownWhenTheDatabaseDoesNotAnswer() throws IOException {
        EmbeddedPostgres failing = EmbeddedPostgres.builder().start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReclaimApplication.class).run(
                "--spring.datasource.url=" + failing.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--server.port=0", "--spring.datasource.hikari.connection-timeout=1000")) {
            HealthEndpoint health = app.getBean(HealthEndpoint.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            failing.close();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
