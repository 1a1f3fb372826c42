package org.reclaim.worklists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the first page of each worklist, and the counts, for one authority of N accounts (default 1,000,000) with
 * 80,000 proposed run lines (70,000 decisions, 10,000 summonses), 20,000 vulnerable customers, 30,000 arrangement
 * holds, 330,000 contacts and 5,000 open tasks, seeded straight into the tables with set-based SQL. Not part of
 * {@code ./mvnw verify}; run it with {@code ./mvnw verify -Pbenchmark -Dit.test=WorklistsBenchmark}. Figures to the
 * console and target/benchmarks/worklists.txt. Each first page must take under a second.
 */
@IntegrationTest
class WorklistsBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("reclaim.benchmark.accounts", 1_000_000);

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Worklists worklists;
    @Autowired WorklistReader reader;

    @Test
    void firstPagesAtScale() throws IOException {
        BillingAuthority council = TestData.from(context).authority().name("Worklists Benchmark Council").create();
        long started = System.nanoTime();
        seed(council);
        double seedSeconds = (System.nanoTime() - started) / 1e9;

        StringBuilder out = new StringBuilder(String.format("Worklists benchmark: %,d accounts seeded in %.1f s on %d cores%n", ACCOUNTS,
                seedSeconds, Runtime.getRuntime().availableProcessors()));
        List<Double> firstPages = new ArrayList<>();
        for (Worklist w : Worklist.values()) {
            worklists.items(w, council, null, 50, 0);   // warm
            double best = Double.MAX_VALUE;
            double worst = 0;
            int size = 0;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                List<WorklistItem> page = worklists.items(w, council, null, 50, 0);
                double ms = (System.nanoTime() - t) / 1e6;
                best = Math.min(best, ms);
                worst = Math.max(worst, ms);
                size = page.size();
            }
            firstPages.add(worst);
            reader.explainFirstPage(w, council.id()).forEach(line -> out.append(w).append(" | ").append(line).append('\n'));
            out.append(String.format("  %-29s first page of 50: %4d items, best %6.0f ms, worst %6.0f ms%n", w, size, best, worst));
        }
        long t = System.nanoTime();
        Map<Worklist, Long> counts = worklists.counts(council);
        out.append(String.format("  counts of all four lists: %.0f ms %s%n", (System.nanoTime() - t) / 1e6, counts));
        System.out.print(out);
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("worklists.txt"), out);

        assertThat(counts.get(Worklist.DECISIONS)).isPositive();
        assertThat(counts.get(Worklist.SUMMONS_REVIEW)).isPositive();
        assertThat(counts.get(Worklist.VULNERABLE_BEFORE_ESCALATION)).isPositive();
        assertThat(counts.get(Worklist.TASKS)).isPositive();
        assertThat(firstPages).allSatisfy(ms -> assertThat(ms).isLessThan(1000.0));
    }

    private void seed(BillingAuthority council) {
        int a = council.id();
        String prefix = String.valueOf(council.referencePrefix());
        jdbc.sql("""
                insert into party (authority_id, kind, forenames, surname, created_at)
                select ?, 'PERSON', 'Bench', 'Person' || g, now() from generate_series(1, ?) g""").params(a, ACCOUNTS).update();
        jdbc.sql("""
                insert into account (authority_id, reference, stream, liability_start, status, opened_at)
                select ?, ? || '1' || lpad(g::text, 9, '0'), 'COUNCIL_TAX', date '2020-04-01', 'OPEN', now() from generate_series(1, ?) g""")
                .params(a, prefix, ACCOUNTS).update();
        // n: the account's number from 1, in id order; the party with the same number is liable on it
        jdbc.sql("""
                create unlogged table bench_account as
                select a.id as account_id, p.id as party_id, a.n
                from (select id, row_number() over (order by id) as n from account where authority_id = ?) a
                join (select id, row_number() over (order by id) as n from party where authority_id = ?) p using (n)""")
                .params(a, a).update();
        jdbc.sql("insert into account_party (authority_id, account_id, party_id) select ?, account_id, party_id from bench_account").param(a).update();
        jdbc.sql("""
                insert into ledger_entry (authority_id, account_id, financial_year, entry_type, amount_pence, effective_on, due_on, posted_at,
                                          posted_by, description)
                select ?, account_id, 2026, 'CHARGE', 150000 + (n % 97) * 1000, date '2026-04-01', date '2026-04-01', now() - interval '200 days',
                       'benchmark', 'charge'
                from bench_account""").param(a).update();
        jdbc.sql("""
                insert into ledger_entry (authority_id, account_id, financial_year, entry_type, amount_pence, effective_on, posted_at, posted_by, description)
                select ?, account_id, 2026, 'PAYMENT', -50000, date '2026-04-10', now() - interval '190 days', 'benchmark', 'payment'
                from bench_account where n % 2 = 0""").param(a).update();
        long run = jdbc.sql("""
                insert into recovery_run (authority_id, business_date, preview, status, chunks, chunks_done, started_at, started_by, finished_at)
                values (?, date '2026-04-02', true, 'COMPLETED', 1, 1, now() - interval '1 hour', 'benchmark', now() - interval '1 hour')
                returning id""").param(a).query(Long.class).single();
        // every 12th account has a proposed line: 70,000 first reminders, then 10,000 summonses
        jdbc.sql("""
                insert into recovery_line (authority_id, run_id, account_id, financial_year, stream, stage_code, due_on, rule, amount_pence,
                                           needs_authorisation, state)
                select ?, ?, account_id, 2026, 'COUNCIL_TAX', case when n / 12 <= 70000 then 'REMINDER_1' else 'SUMMONS' end, date '2026-04-02',
                       'benchmark rule', 15000 + (n % 89) * 100, n / 12 > 70000, 'PROPOSED'
                from bench_account where n % 12 = 0 and n / 12 <= 80000""").params(a, run).update();
        // actions: a first reminder for every summons line, and a final notice for them and for every 40th account
        jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                select ?, account_id, 2026, c.code, c.on_, 'benchmark', 100000, 'benchmark', now()
                from bench_account
                cross join (values ('REMINDER_1', date '2026-04-02'), ('FINAL_NOTICE', date '2026-04-16')) as c (code, on_)
                where (n % 12 = 0 and n / 12 > 70000 and n / 12 <= 80000) or n % 40 = 1""").param(a).update();
        jdbc.sql("""
                insert into party_flag (authority_id, party_id, flag, starts_on, recorded_by, recorded_at)
                select ?, party_id, 'VULNERABLE', date '2026-01-01', 'benchmark', now() from bench_account where n % 50 = 1""").param(a).update();
        jdbc.sql("""
                insert into recovery_hold (authority_id, account_id, hold_type, starts_on, ends_on, review_on, reason, created_at, created_by)
                select ?, account_id, case when n % 15 = 0 then 'VULNERABILITY_REVIEW' else 'ARRANGEMENT' end, current_date - 10,
                       current_date + 100, case when n % 15 = 0 then current_date + 5 end, 'benchmark', now(), 'benchmark'
                from bench_account where n % 33 = 0""").param(a).update();
        jdbc.sql("""
                insert into contact (authority_id, account_id, channel, direction, outcome, at, recorded_at, recorded_by)
                select ?, account_id, 'PHONE', 'OUTBOUND', 'NO_ANSWER', now() - (n % 120) * interval '1 day', now(), 'benchmark'
                from bench_account where n % 3 = 0 or n % 10 = 0""").param(a).update();
        jdbc.sql("""
                insert into worklist_task (authority_id, account_id, kind, reason, due_on, state, raise_key, created_at, created_by)
                select ?, account_id, 'CALL_BACK', 'benchmark', current_date + 7, 'OPEN', 'bench:' || n, now(), 'benchmark'
                from bench_account where n % 200 = 7""").param(a).update();
        jdbc.sql("drop table bench_account").update();
        jdbc.sql("analyze").update();
    }
}
