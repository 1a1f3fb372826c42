package org.reclaim.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily event messages run, decided by a fixed clock: nothing before the day's UK time; from it, each authority with
 * an event template in force has its day run once, even by a second instance; a claim left unfinished by a stopped
 * instance is taken again once stale; an authority without event templates is not run; {@code off} runs nothing.
 */
@IntegrationTest
class EventMessageRunsIT {

    /** Far from the days other tests queue messages for: the run takes every authority with event templates. */
    private static final LocalDate DAY = LocalDate.of(2041, 3, 12);

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired EventMessages eventMessages;
    @Autowired Authorities authorities;
    @Autowired Templates templates;
    @Autowired Notifications notifications;

    @Test
    void eachAuthorityDayRunsOnceFromTheSetTime() {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Event Runs Council").create();
        BillingAuthority silent = data.authority().name("No Event Templates Council").create();
        templates.set(council, "RECOVERY_REMINDER_1", Channel.SMS, UUID.randomUUID().toString(), List.of("name", "amount"), "reminder text");
        Account account = data.account(council).liable(data.person(council).phone("07700 900201").create())
                .property(data.dwelling(council).create()).from(LocalDate.of(2040, 4, 1)).open();
        jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                values (?, ?, 2040, 'REMINDER_1', ?, 'test', 12345, 'test', now())""").params(council.id(), account.id(), DAY).update();

        // March 2041 is still GMT: 07:00 in the UK is 07:00 UTC
        assertThat(runsAt("2041-03-12T06:59:00Z", "07:00").runDue()).isEmpty();
        assertThat(notifications.of(account)).isEmpty();

        EventMessageRuns first = runsAt("2041-03-12T07:01:00Z", "07:00");
        assertThat(first.runDue()).filteredOn(r -> r.authority().equals(council.gssCode())).singleElement()
                .satisfies(r -> {
                    assertThat(r.date()).isEqualTo(DAY);
                    assertThat(r.queued()).isEqualTo(1);
                });
        assertThat(notifications.of(account)).singleElement().satisfies(m -> assertThat(m.personalisation()).containsEntry("amount", "£123.45"));
        assertThat(first.runDue()).noneMatch(r -> r.authority().equals(council.gssCode()));
        // a second instance, later the same day
        assertThat(runsAt("2041-03-12T15:00:00Z", "07:00").runDue()).noneMatch(r -> r.authority().equals(council.gssCode()));
        assertThat(jdbc.sql("select queued from notify_event_run where authority_id = ? and run_on = ? and finished_at is not null")
                .params(council.id(), DAY).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notify_event_run where authority_id = ?").param(silent.id()).query(Long.class).single()).isZero();

        // the next day an instance claimed it and stopped: another takes it once the claim is stale, not before
        LocalDate next = DAY.plusDays(1);
        jdbc.sql("insert into notify_event_run (authority_id, run_on, claimed_at) values (?, ?, ?)")
                .params(council.id(), next, Instant.parse("2041-03-13T07:00:00Z").atOffset(ZoneOffset.UTC)).update();
        assertThat(runsAt("2041-03-13T07:20:00Z", "07:00").runDue()).noneMatch(r -> r.authority().equals(council.gssCode()));
        assertThat(runsAt("2041-03-13T07:31:00Z", "07:00").runDue()).anyMatch(r -> r.authority().equals(council.gssCode())
                && r.date().equals(next));

        assertThat(runsAt("2041-03-14T12:00:00Z", "off").runDue()).isEmpty();
        assertThat(runsAt("2041-03-14T12:00:00Z", "off").enabled()).isFalse();
        assertThat(notifications.of(account)).hasSize(1);
    }

    private EventMessageRuns runsAt(String instant, String at) {
        return new EventMessageRuns(jdbc, eventMessages, authorities, at, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }
}
