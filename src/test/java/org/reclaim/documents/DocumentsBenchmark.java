package org.reclaim.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the letters run for N Council Tax first reminders (default 10,000), each for its own account, seeded straight
 * into the tables with set-based SQL, and then the day's print run. Not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=DocumentsBenchmark}. Figures to the console and
 * target/benchmarks/documents.txt. The letters run must take under 60 seconds on 2 cores.
 */
@IntegrationTest
class DocumentsBenchmark {

    private static final int LETTERS = Integer.getInteger("reclaim.benchmark.letters", 10_000);
    private static final LocalDate DAY = LocalDate.of(2032, 1, 6);

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired DocumentRuns runs;
    @Autowired PrintRuns printRuns;
    @Autowired PendingRequests pending;
    @Autowired DocumentTemplates templates;
    @Autowired PdfRenderer renderer;

    @Test
    void tenThousandRemindersToPdf() throws IOException {
        BillingAuthority council = TestData.from(context).authority().name("Documents Benchmark Council").create();
        long started = System.nanoTime();
        seed(council);
        double seedSeconds = (System.nanoTime() - started) / 1e9;

        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        String breakdown = breakdown();
        long t = System.nanoTime();
        DocumentRuns.Outcome outcome = runs.run(DAY);
        double runSeconds = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        List<PrintRuns.Batch> batches = printRuns.run(DAY);
        double printSeconds = (System.nanoTime() - t) / 1e9;
        long bytes = jdbc.sql("select coalesce(sum(length(pdf)), 0) from document where authority_id = ?").param(council.id()).query(Long.class).single();

        String out = String.format("""
                        Documents benchmark: %,d Council Tax reminders seeded in %.1f s on %d cores
                          letters run: %,d rendered to PDF and stored in %.1f s (%.0f letters a second; %.1f ms a letter on each of %d threads); \
                        %,d bytes in all (%,d a letter)
                          print run: %d batch(es), %,d pages merged with the manifest in %.1f s
                          %s
                          load average before the run (other work on the machine): %s
                        """, LETTERS, seedSeconds, Runtime.getRuntime().availableProcessors(), outcome.produced(), runSeconds, outcome.produced() / runSeconds,
                runSeconds * 1000 * Runtime.getRuntime().availableProcessors() / Math.max(1, outcome.produced()), Runtime.getRuntime().availableProcessors(),
                bytes, bytes / Math.max(1, outcome.produced()), batches.size(), batches.stream().mapToInt(PrintRuns.Batch::pages).sum(), printSeconds,
                breakdown, load);
        System.out.print(out);
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("documents.txt"), out);

        assertThat(outcome.produced()).isEqualTo(LETTERS);
        assertThat(outcome.failed()).isEmpty();
        assertThat(batches).singleElement().satisfies(b -> assertThat(b.documents()).isEqualTo(LETTERS));
        assertThat(runSeconds).isLessThan(60.0);
    }

    /** One thread, the first 300 letters (after 100 to warm up): the template and the PDF, each a letter's average. */
    private String breakdown() {
        List<DocumentRequest> sample = pending.on(DAY).requests().subList(0, 400);
        double template = 0;
        double pdf = 0;
        DocumentTemplates.Template reminder = templates.of(sample.get(0).authorityId(), sample.get(0).documentCode());
        for (int i = 0; i < sample.size(); i++) {
            DocumentRequest r = sample.get(i);
            long t0 = System.nanoTime();
            String xhtml = templates.render(reminder, r.data());
            long t1 = System.nanoTime();
            renderer.render(xhtml);
            long t2 = System.nanoTime();
            if (i >= 100) {
                template += (t1 - t0) / 1e6;
                pdf += (t2 - t1) / 1e6;
            }
        }
        return String.format("one letter on one thread: template %.2f ms, PDF %.2f ms", template / 300, pdf / 300);
    }

    private void seed(BillingAuthority council) {
        int a = council.id();
        String prefix = String.valueOf(council.referencePrefix());
        jdbc.sql("""
                insert into party (authority_id, kind, title, forenames, surname, created_at)
                select ?, 'PERSON', 'Ms', 'Bench', 'Person' || g, now() from generate_series(1, ?) g""").params(a, LETTERS).update();
        jdbc.sql("""
                insert into contact_point (authority_id, party_id, kind, address_line_1, address_line_2, town, postcode, preferred)
                select authority_id, id, 'POSTAL', id || ' Long Street', 'Oadby', 'Leicester', 'LE2 5AA', true from party where authority_id = ?""")
                .param(a).update();
        jdbc.sql("""
                insert into account (authority_id, reference, stream, liability_start, status, opened_at)
                select ?, ? || '1' || lpad(g::text, 9, '0'), 'COUNCIL_TAX', date '2031-04-01', 'OPEN', now() from generate_series(1, ?) g""")
                .params(a, prefix, LETTERS).update();
        jdbc.sql("""
                insert into account_party (authority_id, account_id, party_id)
                select ?, ac.id, p.id
                from (select id, row_number() over (order by id) as n from account where authority_id = ?) ac
                join (select id, row_number() over (order by id) as n from party where authority_id = ?) p using (n)""").params(a, a, a).update();
        jdbc.sql("""
                insert into ledger_entry (authority_id, account_id, financial_year, entry_type, amount_pence, effective_on, due_on, posted_at,
                                          posted_by, description)
                select ?, id, 2031, 'CHARGE', 150000 + (id % 97) * 1000, date '2031-04-01', date '2031-04-01', now(), 'benchmark', 'charge'
                from account where authority_id = ?""").params(a, a).update();
        jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                select ?, id, 2031, 'REMINDER_1', ?, 'benchmark', 15000 + (id % 97) * 100, 'benchmark', now() from account where authority_id = ?""")
                .params(a, DAY, a).update();
        jdbc.sql("""
                insert into recovery_document_request (authority_id, action_id, account_id, document_code, requested_on)
                select authority_id, id, account_id, 'CT_REMINDER_1', issued_on from recovery_action where authority_id = ? and issued_on = ?""")
                .params(a, DAY).update();
    }
}
