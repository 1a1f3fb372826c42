package org.reclaim.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.authorities.Authorities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily run of {@link EventMessages}: once the schedule's time has come, for each authority with an event template
 * in force, the day's messages, once a day. Each authority's day is claimed in {@code notify_event_run} first, so with
 * two instances only one runs it; a claim not finished within {@link #STALE} (its instance stopped) is taken again.
 */
@Component
class EventMessageRuns {

    /** Far longer than a day's run takes (100,000 messages in under a minute). */
    static final Duration STALE = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final EventMessages messages;
    private final Authorities authorities;
    private final EventMessageSchedule schedule;
    private final Clock clock;

    EventMessageRuns(JdbcClient jdbc, EventMessages messages, Authorities authorities,
                     @Value("${reclaim.notify.event-messages-at:07:00}") String at, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.authorities = authorities;
        this.schedule = EventMessageSchedule.parse(at);
        this.clock = clock;
    }

    boolean enabled() {
        return schedule.at() != null;
    }

    /** Runs each authority's day that is due and not yet run (or claimed) by this or another instance. */
    List<EventMessages.Result> runDue() {
        List<EventMessages.Result> results = new ArrayList<>();
        schedule.dueDay(clock.instant()).ifPresent(day -> {
            for (int authorityId : sending()) {
                if (claim(authorityId, day)) {
                    EventMessages.Result r = messages.queueForDay(authorities.byId(authorityId), day);
                    jdbc.sql("update notify_event_run set finished_at = ?, queued = ?, repeated = ?, suppressed = ? where authority_id = ? and run_on = ?")
                            .params(OffsetDateTime.now(clock), r.queued(), r.repeated(), r.suppressed(), authorityId, day).update();
                    results.add(r);
                }
            }
        });
        return results;
    }

    /** The authorities with a template in force for an event the run sends. */
    private List<Integer> sending() {
        return jdbc.sql("""
                select distinct t.authority_id from notify_template t
                where (t.event_code like ? or t.event_code = ?) and t.active
                  and t.version = (select max(v.version) from notify_template v
                                   where v.authority_id = t.authority_id and v.event_code = t.event_code and v.channel = t.channel)
                order by t.authority_id""")
                .params(EventMessages.RECOVERY.replace("_", "\\_") + "%", EventMessages.ARRANGEMENT_PAYMENT_DUE).query(Integer.class).list();
    }

    /** True when this instance may run the authority's day: nobody had, or a claim went stale unfinished. */
    private boolean claim(int authorityId, LocalDate day) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into notify_event_run (authority_id, run_on, claimed_at) values (?, ?, ?)
                on conflict (authority_id, run_on) do update set claimed_at = excluded.claimed_at
                  where notify_event_run.finished_at is null and notify_event_run.claimed_at < ?
                returning authority_id""")
                .params(authorityId, day, now, now.minus(STALE)).query(Integer.class).optional().isPresent();
    }
}
