package org.reclaim.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.demo.DemoBorough;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds the demo borough with N Council Tax accounts (default 1,000,000) into a fresh embedded PostgreSQL and
 * reports seconds and rows per second. Not part of `./mvnw verify`; run it with
 * {@code ./mvnw verify -Pbenchmark -Dreclaim.benchmark.accounts=1000000}. Figures go to the console and to
 * target/benchmarks/seed.txt.
 */
@IntegrationTest
class SeedBenchmark {

    @Autowired DemoBorough demo;
    @Autowired JdbcClient jdbc;

    @Test
    void seedCouncilTaxAccounts() throws IOException {
        int accounts = Integer.getInteger("reclaim.benchmark.accounts", 1_000_000);
        DemoBorough.Report report = demo.load(accounts);   // one Council Tax account per dwelling
        long councilTax = jdbc.sql("select count(*) from account where stream = 'COUNCIL_TAX'").query(Long.class).single();
        StringBuilder out = new StringBuilder();
        out.append(String.format("Seed benchmark: %,d Council Tax accounts (%,d rows in all) in %.1f s on %d cores%n",
                councilTax, report.totalRows(), report.seconds(), Runtime.getRuntime().availableProcessors()));
        out.append(String.format("  %,.0f rows/s, %,.0f Council Tax accounts/s%n",
                report.totalRows() / report.seconds(), councilTax / report.seconds()));
        report.rows().forEach((table, rows) -> out.append(String.format("  %-15s %,12d rows%n", table, rows)));
        System.out.print(out);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/seed.txt"), out);
        if (councilTax != accounts) {
            throw new AssertionError("expected " + accounts + " Council Tax accounts, found " + councilTax);
        }
    }
}
