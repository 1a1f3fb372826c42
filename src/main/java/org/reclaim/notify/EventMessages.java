package org.reclaim.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's messages about events, on every channel the council has a template for: each recovery notice issued that
 * day (event {@code RECOVERY_<stage>}, e.g. {@code RECOVERY_REMINDER_1}: a text or email alongside the letter) and each
 * arrangement payment due the next day ({@code ARRANGEMENT_PAYMENT_DUE}). One message per event, channel and customer
 * (its key). A council issues tens of thousands of reminders on a busy day, so the messages are queued a thousand at a
 * time: for each chunk the keys already queued, the customers, their opt-outs and the accounts' holds are read in a few
 * queries, each message is decided by the same rules as {@link Notifications#queue} ({@link Suppression}, one money and
 * date format in {@link Personalisation}), and the chunk is written by one insert, in a transaction of its own; the keys
 * make the run safe to repeat and to re-run after a crash. The outbox applies breathing space, opt-outs and Notify's
 * limits again when it sends.
 */
@Service
public class EventMessages {

    /**
     * What the run queued; {@code notSent} names each template that asks for a field the event cannot fill, and counts the
     * messages left out because a field is empty for the customer or an arrangement's customer is no longer liable.
     */
    public record Result(String authority, LocalDate date, long queued, long repeated, long suppressed, List<String> notSent) {
    }

    static final String ARRANGEMENT_PAYMENT_DUE = "ARRANGEMENT_PAYMENT_DUE";
    static final String RECOVERY = "RECOVERY_";
    /** A recovery notice has an amount but no single date to pay by that a text could state for every stage. */
    private static final Set<String> RECOVERY_FIELDS = Set.of("name", "account_reference", "amount", "authority_name", SurveyLinks.FIELD);
    private static final Set<String> ARRANGEMENT_FIELDS = Set.of("name", "account_reference", "amount", "due_date", "authority_name",
            SurveyLinks.FIELD);
    /** Messages written per transaction: a few queries and one insert each, so a crash loses at most one chunk's work. */
    static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final Templates templates;
    private final Suppression suppression;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EventMessages(JdbcClient jdbc, Templates templates, Suppression suppression, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.suppression = suppression;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result queueForDay(BillingAuthority authority, LocalDate date) {
        Tally tally = new Tally();
        List<String> stages = jdbc.sql("select distinct code from recovery_action where authority_id = ? and issued_on = ? order by code")
                .params(authority.id(), date).query(String.class).list();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            for (String stage : stages) {
                templates.inForce(authority.id(), RECOVERY + stage, channel).ifPresent(t -> {
                    if (fillable(t, RECOVERY_FIELDS, tally)) {
                        queueAll(authority, t, issued(authority, date, stage, channel), tally);
                    }
                });
            }
            templates.inForce(authority.id(), ARRANGEMENT_PAYMENT_DUE, channel).ifPresent(t -> {
                if (fillable(t, ARRANGEMENT_FIELDS, tally)) {
                    queueAll(authority, t, due(authority, date.plusDays(1), channel, t, tally), tally);
                }
            });
        }
        return new Result(authority.gssCode(), date, tally.queued, tally.repeated, tally.suppressed, tally.notSent);
    }

    /** One message to queue: about the account, to the customer, under its key. */
    private record Event(long accountId, Personalisation.Target target, String key) {
    }

    private static final class Tally {
        long queued;
        long repeated;
        long suppressed;
        final List<String> notSent = new ArrayList<>();
    }

    private boolean fillable(Templates.Template t, Set<String> available, Tally tally) {
        List<String> missing = t.fields().stream().filter(f -> !available.contains(f)).toList();
        if (!missing.isEmpty()) {
            tally.notSent.add(t.eventCode() + " by " + t.channel() + ": its template asks for " + String.join(", ", missing)
                    + ", which this event does not give; change the template");
        }
        return missing.isEmpty();
    }

    private List<Event> issued(BillingAuthority authority, LocalDate date, String stage, Channel channel) {
        return jdbc.sql(ISSUED_ON).param("authority", authority.id()).param("day", date).param("code", stage)
                .query((rs, n) -> new Event(rs.getLong(5), new Personalisation.Target(rs.getString(2), rs.getLong(3), null, rs.getLong(4)),
                        "event:recovery:" + rs.getLong(1) + ":" + channel + ":" + rs.getLong(3)))
                .list();
    }

    /** The payments due on the day; one whose customer is no longer liable on the account is named in {@code notSent}, not sent. */
    private List<Event> due(BillingAuthority authority, LocalDate day, Channel channel, Templates.Template t, Tally tally) {
        record Due(Event event, boolean liable) {
        }
        List<Due> due = jdbc.sql("""
                        select d.reference, d.party_id, d.due_on, d.amount, d.arrangement_id, a.id,
                               exists (select 1 from account_party ap where ap.authority_id = a.authority_id and ap.account_id = a.id
                                         and ap.party_id = d.party_id)
                        from (%s) d (reference, party_id, due_on, amount, arrangement_id)
                        join account a on a.authority_id = :authority and a.reference = d.reference
                        order by d.reference, d.arrangement_id""".formatted(DUE_ON))
                .param("authority", authority.id()).param("day", day)
                .query((rs, n) -> new Due(new Event(rs.getLong(6), new Personalisation.Target(rs.getString(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class), rs.getLong(4)), "event:arrangement-due:" + rs.getLong(5) + ":"
                        + rs.getObject(3, LocalDate.class) + ":" + channel + ":" + rs.getLong(2)), rs.getBoolean(7)))
                .list();
        long notLiable = due.stream().filter(d -> !d.liable()).count();
        if (notLiable > 0) {
            tally.notSent.add(t.eventCode() + " by " + t.channel() + ": " + notLiable
                    + " arrangement(s) made by a customer no longer liable on the account; check the arrangement");
        }
        return due.stream().filter(Due::liable).map(Due::event).toList();
    }

    private void queueAll(BillingAuthority authority, Templates.Template template, List<Event> events, Tally tally) {
        long unfilled = 0;
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<Event> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            unfilled += transactions.execute(s -> queueChunk(authority, template, chunk, tally));
        }
        if (unfilled > 0) {
            tally.notSent.add(template.eventCode() + " by " + template.channel() + ": " + unfilled
                    + " message(s) not queued: a field the template asks for is empty for the customer (e.g. no name held)");
        }
    }

    /**
     * One chunk in its own transaction: what was queued before is counted as repeated, the rest decided and written at once.
     * Returns how many were not queued because a field the template asks for is empty (as {@link Notifications#queue} refuses).
     */
    private long queueChunk(BillingAuthority authority, Templates.Template template, List<Event> chunk, Tally tally) {
        Set<String> earlier = new HashSet<>(jdbc.sql("select unique_key from notify_message where authority_id = ? and unique_key = any(?)")
                .params(authority.id(), chunk.stream().map(Event::key).toArray(String[]::new)).query(String.class).list());
        List<Event> fresh = chunk.stream().filter(e -> !earlier.contains(e.key())).toList();
        tally.repeated += chunk.size() - fresh.size();
        if (fresh.isEmpty()) {
            return 0;
        }
        Suppression.Facts facts = suppression.facts(authority.id(), fresh.stream().map(Event::accountId).distinct().toList(),
                fresh.stream().map(e -> e.target().partyId()).distinct().toList(), template.channel());
        LocalDate today = LocalDate.now(clock);
        Rows rows = new Rows(fresh.size());
        long unfilled = 0;
        for (Event e : fresh) {
            String name = facts.party(e.target().partyId()).map(Party::displayName).orElse("");
            Map<String, String> values = Personalisation.values(authority, e.target(), name);
            if (Notifications.missingField(template, values).isPresent()) {
                unfilled++;
                continue;
            }
            rows.add(e, Notifications.JSON.writeValueAsString(Notifications.personalisation(template, values)),
                    facts.reason(e.accountId(), e.target().partyId(), today));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> states = jdbc.sql(INSERT)
                .params(authority.id(), template.channel().name(), template.eventCode(), template.id(), template.templateId(), now, now,
                        AccessAudit.currentUser(), rows.accounts.toArray(Long[]::new), rows.references.toArray(String[]::new),
                        rows.parties.toArray(Long[]::new), rows.personalisations.toArray(String[]::new), rows.reasons.toArray(String[]::new),
                        rows.keys.toArray(String[]::new))
                .query(String.class).list();
        long suppressed = states.stream().filter("SUPPRESSED"::equals).count();
        tally.suppressed += suppressed;
        tally.queued += states.size() - suppressed;
        // a key queued by a request running alongside this one
        tally.repeated += rows.keys.size() - states.size();
        return unfilled;
    }

    /** A chunk's messages as columns, for one insert from unnest. */
    private static final class Rows {
        final List<Long> accounts;
        final List<String> references;
        final List<Long> parties;
        final List<String> personalisations;
        final List<String> reasons;
        final List<String> keys;

        Rows(int size) {
            accounts = new ArrayList<>(size);
            references = new ArrayList<>(size);
            parties = new ArrayList<>(size);
            personalisations = new ArrayList<>(size);
            reasons = new ArrayList<>(size);
            keys = new ArrayList<>(size);
        }

        void add(Event e, String personalisation, Optional<String> reason) {
            accounts.add(e.accountId());
            references.add(e.target().accountReference());
            parties.add(e.target().partyId());
            personalisations.add(personalisation);
            reasons.add(reason.orElse(null));
            keys.add(e.key());
        }
    }

    /** The chunk's messages, as {@link Notifications#queue} writes one: SUPPRESSED with its reason, or QUEUED to go now. */
    private static final String INSERT = """
            insert into notify_message (authority_id, account_id, account_reference, party_id, channel, event_code, template_row, template_id,
                                        personalisation, state, reason, next_attempt_at, campaign_id, unique_key, queued_at, queued_by)
            select m.authority_id, u.account_id, u.reference, u.party_id, m.channel, m.event_code, m.template_row, m.template_id,
                   cast(u.personalisation as jsonb), case when u.reason is null then 'QUEUED' else 'SUPPRESSED' end, u.reason,
                   case when u.reason is null then m.next_attempt_at end, null, u.unique_key, m.queued_at, m.queued_by
            from (select cast(? as int) as authority_id, cast(? as text) as channel, cast(? as text) as event_code,
                         cast(? as bigint) as template_row, cast(? as uuid) as template_id, cast(? as timestamptz) as next_attempt_at,
                         cast(? as timestamptz) as queued_at, cast(? as text) as queued_by) m
            cross join unnest(cast(? as bigint[]), cast(? as text[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                       as u (account_id, reference, party_id, personalisation, reason, unique_key)
            on conflict (authority_id, unique_key) do nothing
            returning state""";

    /** Each notice issued that day, to each customer liable on its account. */
    private static final String ISSUED_ON = """
            select x.id, a.reference, ap.party_id, coalesce(x.amount_pence, 0), a.id
            from recovery_action x
            join account a on a.authority_id = x.authority_id and a.id = x.account_id
            join account_party ap on ap.authority_id = x.authority_id and ap.account_id = x.account_id
            where x.authority_id = :authority and x.issued_on = :day and x.code = :code
            order by x.id, ap.party_id""";

    /** Each payment of an active arrangement falling due on the day, to the customer who made the arrangement (also a campaign's segment). */
    static final String DUE_ON = """
            select a.reference, ar.party_id, i.due_on, sum(i.amount_pence), ar.id
            from arrangement ar
            join arrangement_instalment i on i.authority_id = ar.authority_id and i.arrangement_id = ar.id
            join account a on a.authority_id = i.authority_id and a.id = i.account_id
            where ar.authority_id = :authority and ar.status = 'ACTIVE' and i.due_on = :day
            group by ar.id, a.reference, ar.party_id, i.due_on
            order by a.reference""";
}
