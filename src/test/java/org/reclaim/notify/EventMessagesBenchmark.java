package org.reclaim.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the day's event messages for N accounts (default 50,000), each with two jointly liable customers and a first
 * reminder issued that day, and a text template for the reminder: 2N messages. One account in a hundred is in breathing
 * space, one customer in a hundred has opted out of texts and one in fifty has no phone number, so the run decides
 * suppression too. Seeded straight into the tables with set-based SQL. Not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=EventMessagesBenchmark [-Dreclaim.benchmark.event-accounts=50000]}.
 * Figures to the console and target/benchmarks/event-messages.txt. Target: 100,000 messages in under 60 s on 2 cores.
 */
@IntegrationTest
class EventMessagesBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("reclaim.benchmark.event-accounts", 50_000);
    private static final LocalDate DAY = LocalDate.of(2032, 2, 3);

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired EventMessages eventMessages;
    @Autowired Templates templates;
    @Autowired Clock clock;

    @Test
    void aDaysRemindersAsTexts() throws IOException {
        BillingAuthority council = TestData.from(context).authority().name("Event Messages Benchmark Council").create();
        long started = System.nanoTime();
        seed(council);
        templates.set(council, "RECOVERY_REMINDER_1", Channel.SMS, UUID.randomUUID().toString(), List.of("name", "account_reference", "amount"),
                "benchmark");
        double seedSeconds = (System.nanoTime() - started) / 1e9;

        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        long t = System.nanoTime();
        EventMessages.Result first = eventMessages.queueForDay(council, DAY);
        double runSeconds = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        EventMessages.Result again = eventMessages.queueForDay(council, DAY);
        double againSeconds = (System.nanoTime() - t) / 1e9;

        long messages = 2L * ACCOUNTS;
        String out = String.format("""
                        Event messages benchmark: %,d accounts, %,d messages, seeded in %.1f s on %d cores
                          first run: %,d queued and %,d suppressed in %.1f s (%.0f messages a second)
                          the same day again: %,d repeated in %.1f s
                          load average before the run (other work on the machine): %s
                        """, ACCOUNTS, messages, seedSeconds, Runtime.getRuntime().availableProcessors(), first.queued(), first.suppressed(),
                runSeconds, messages / runSeconds, again.repeated(), againSeconds, load);
        System.out.print(out);
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("event-messages.txt"), out);

        assertThat(first.queued() + first.suppressed()).isEqualTo(messages);
        assertThat(first.suppressed()).isPositive();
        assertThat(again.repeated()).isEqualTo(messages);
        assertThat(again.queued() + again.suppressed()).isZero();
        assertThat(jdbc.sql("select count(*) from notify_message where authority_id = ?").param(council.id()).query(Long.class).single())
                .isEqualTo(messages);
        assertThat(runSeconds * 100_000 / messages).isLessThan(60.0);
    }

    private void seed(BillingAuthority council) {
        int a = council.id();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                insert into party (authority_id, kind, title, forenames, surname, created_at)
                select ?, 'PERSON', 'Ms', 'Bench', 'Person' || g, now() from generate_series(1, ?) g""").params(a, 2 * ACCOUNTS).update();
        jdbc.sql("""
                insert into contact_point (authority_id, party_id, kind, value, preferred)
                select authority_id, id, 'PHONE', '07700 9' || lpad((id % 100000)::text, 5, '0'), true from party
                where authority_id = ? and id % 50 <> 0""").param(a).update();
        jdbc.sql("""
                insert into notify_channel_preference (authority_id, party_id, channel, opted_out, reason, changed_at, changed_by)
                select authority_id, id, 'SMS', true, 'benchmark', now(), 'benchmark' from party where authority_id = ? and id % 100 = 7""")
                .param(a).update();
        // real references (with their check digit): the single-message path reads each account by its reference
        String[] references = LongStream.rangeClosed(1, ACCOUNTS)
                .mapToObj(n -> AccountReference.of(council.referencePrefix(), RevenueStream.COUNCIL_TAX, n).value()).toArray(String[]::new);
        jdbc.sql("""
                insert into account (authority_id, reference, stream, liability_start, status, opened_at)
                select ?, r, 'COUNCIL_TAX', date '2031-04-01', 'OPEN', now() from unnest(cast(? as text[])) r""")
                .params(a, references).update();
        jdbc.sql("""
                insert into account_party (authority_id, account_id, party_id)
                select ?, ac.id, p.id
                from (select id, row_number() over (order by id) as n from account where authority_id = ?) ac
                join (select id, (row_number() over (order by id) + 1) / 2 as n from party where authority_id = ?) p using (n)""")
                .params(a, a, a).update();
        jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                select ?, id, 2031, 'REMINDER_1', ?, 'benchmark', 15000 + (id % 97) * 100, 'benchmark', now() from account where authority_id = ?""")
                .params(a, DAY, a).update();
        jdbc.sql("""
                insert into recovery_hold (authority_id, account_id, hold_type, starts_on, ends_on, reason, created_at, created_by)
                select authority_id, id, 'BREATHING_SPACE_STANDARD', ?, ?, 'benchmark', now(), 'benchmark' from account
                where authority_id = ? and id % 100 = 3""").params(today.minusDays(1), today.plusDays(58), a).update();
        jdbc.sql("analyze").update();
    }
}
