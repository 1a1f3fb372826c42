package org.reclaim.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The day's messages about events, on every channel the council has a template for: each recovery notice issued that
 * day (event {@code RECOVERY_<stage>}, e.g. {@code RECOVERY_REMINDER_1}: a text or email alongside the letter) and each
 * arrangement payment due the next day ({@code ARRANGEMENT_PAYMENT_DUE}). One message per event, channel and customer
 * (its key), each queued in a transaction of its own, so the run is safe to repeat and to re-run after a crash; the outbox
 * applies breathing space, opt-outs and Notify's limits as for any message.
 */
@Service
public class EventMessages {

    /** What the run queued; {@code notSent} names each template that asks for a field the event cannot fill. */
    public record Result(String authority, LocalDate date, long queued, long repeated, long suppressed, List<String> notSent) {
    }

    static final String ARRANGEMENT_PAYMENT_DUE = "ARRANGEMENT_PAYMENT_DUE";
    private static final String RECOVERY = "RECOVERY_";
    /** A recovery notice has an amount but no single date to pay by that a text could state for every stage. */
    private static final Set<String> RECOVERY_FIELDS = Set.of("name", "account_reference", "amount", "authority_name");
    private static final Set<String> ARRANGEMENT_FIELDS = Set.of("name", "account_reference", "amount", "due_date", "authority_name");

    private final JdbcClient jdbc;
    private final Templates templates;
    private final Notifications notifications;
    private final Personalisation personalisation;
    private final Accounts accounts;

    EventMessages(JdbcClient jdbc, Templates templates, Notifications notifications, Personalisation personalisation, Accounts accounts) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.notifications = notifications;
        this.personalisation = personalisation;
        this.accounts = accounts;
    }

    public Result queueForDay(BillingAuthority authority, LocalDate date) {
        Tally tally = new Tally();
        List<String> stages = jdbc.sql("select distinct code from recovery_action where authority_id = ? and issued_on = ? order by code")
                .params(authority.id(), date).query(String.class).list();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            for (String stage : stages) {
                templates.inForce(authority.id(), RECOVERY + stage, channel).ifPresent(t -> {
                    if (fillable(t, RECOVERY_FIELDS, tally)) {
                        jdbc.sql(ISSUED_ON).param("authority", authority.id()).param("day", date).param("code", stage)
                                .query((rs, n) -> new Keyed(new Personalisation.Target(rs.getString(2), rs.getLong(3), null, rs.getLong(4)),
                                        "event:recovery:" + rs.getLong(1) + ":" + channel + ":" + rs.getLong(3)))
                                .list().forEach(k -> queue(authority, t, k, tally));
                    }
                });
            }
            templates.inForce(authority.id(), ARRANGEMENT_PAYMENT_DUE, channel).ifPresent(t -> {
                if (fillable(t, ARRANGEMENT_FIELDS, tally)) {
                    jdbc.sql(DUE_ON).param("authority", authority.id()).param("day", date.plusDays(1))
                            .query((rs, n) -> new Keyed(new Personalisation.Target(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                                    rs.getLong(4)), "event:arrangement-due:" + rs.getLong(5) + ":" + rs.getObject(3, LocalDate.class) + ":" + channel
                                    + ":" + rs.getLong(2)))
                            .list().forEach(k -> queue(authority, t, k, tally));
                }
            });
        }
        return new Result(authority.gssCode(), date, tally.queued, tally.repeated, tally.suppressed, tally.notSent);
    }

    private record Keyed(Personalisation.Target target, String key) {
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

    private void queue(BillingAuthority authority, Templates.Template template, Keyed keyed, Tally tally) {
        Account account = accounts.get(new AccountReference(keyed.target().accountReference()));
        Map<String, String> values = personalisation.values(authority, keyed.target());
        Notifications.Queued q = notifications.queue(account, keyed.target().partyId(), template, values, keyed.key(), null);
        if (q.repeated()) {
            tally.repeated++;
        } else if (q.message().state() == Message.State.SUPPRESSED) {
            tally.suppressed++;
        } else {
            tally.queued++;
        }
    }

    /** Each notice issued that day, to each customer liable on its account. */
    private static final String ISSUED_ON = """
            select x.id, a.reference, ap.party_id, coalesce(x.amount_pence, 0)
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
