package org.reclaim.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk texting (and email) campaigns to a segment of a council's accounts: a preview with the count and a sample that
 * Notify renders, the send (queued through the outbox, once per account per campaign) and the results, with the
 * payments that followed.
 */
@Service
public class Campaigns {

    /** How many days after its message a payment counts as one that followed it. */
    static final int PAYMENT_FOLLOWED_DAYS = 7;

    /** The event whose template a campaign sends when none is named: the council's campaign message. */
    public static final String CAMPAIGN_EVENT = "CAMPAIGN";

    public record Preview(String segment, long count, @Nullable String sampleAccount, @Nullable String sample) {
    }

    public record Result(long id, String authority, String segment, String eventCode, Channel channel, LocalDate businessDate,
                         String createdBy, long queued, long sent, long delivered, long failed, long suppressed,
                         long accountsPaidWithin7Days, long paidPence) {
    }

    private final JdbcClient jdbc;
    private final Templates templates;
    private final Notifications notifications;
    private final NotifyGateway gateway;
    private final Accounts accounts;
    private final Personalisation personalisation;
    private final AccessAudit audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Templates templates, Notifications notifications, NotifyGateway gateway, Accounts accounts, Personalisation personalisation,
              AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.notifications = notifications;
        this.gateway = gateway;
        this.accounts = accounts;
        this.personalisation = personalisation;
        this.audit = audit;
        this.clock = clock;
    }

    public Preview preview(BillingAuthority authority, Segment segment, String eventCode, Channel channel) {
        Templates.Template template = template(authority, eventCode, channel);
        List<Personalisation.Target> targets = targets(authority, segment);
        if (targets.isEmpty()) {
            return new Preview(segment.name(), 0, null, null);
        }
        Personalisation.Target first = targets.get(0);
        Map<String, String> values = personalisation.values(authority, first);
        Map<String, String> personalisation = new HashMap<>();
        template.fields().forEach(f -> personalisation.put(f, values.get(f)));
        String sample = gateway.preview(authority, template.templateId(), personalisation);
        audit.record(authority.id(), AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, first.accountReference(),
                "campaign preview " + segment + " sample");
        return new Preview(segment.name(), targets.size(), first.accountReference(), sample);
    }

    /** Queues the campaign's messages; the same segment, event and channel again on the same day is the same campaign. */
    @Transactional
    public Result send(BillingAuthority authority, Segment segment, String eventCode, Channel channel) {
        Templates.Template template = template(authority, eventCode, channel);
        LocalDate today = LocalDate.now(clock);
        String key = segment + ":" + eventCode + ":" + channel + ":" + today;
        jdbc.sql("""
                insert into notify_campaign (authority_id, segment, template_row, channel, business_date, created_at, created_by, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (authority_id, idempotency_key) do nothing""")
                .params(authority.id(), segment.name(), template.id(), channel.name(), today, OffsetDateTime.now(clock), AccessAudit.currentUser(), key)
                .update();
        long id = jdbc.sql("select id from notify_campaign where authority_id = ? and idempotency_key = ?").params(authority.id(), key)
                .query(Long.class).single();
        for (Personalisation.Target t : targets(authority, segment)) {
            Account account = accounts.get(new AccountReference(t.accountReference()));
            notifications.queue(account, t.partyId(), template, personalisation.values(authority, t), "campaign:" + id + ":" + t.accountReference(), id);
        }
        return result(authority, id);
    }

    public Result result(BillingAuthority authority, long id) {
        return jdbc.sql(RESULTS + " where c.authority_id = ? and c.id = ?" + RESULTS_GROUPED)
                .params(PAYMENT_FOLLOWED_DAYS, authority.id(), id)
                .query((rs, n) -> result(authority, rs))
                .optional().orElseThrow(() -> NotFound.of("campaign", id));
    }

    /** The council's latest campaigns, newest first, each with its results. */
    public List<Result> latest(BillingAuthority authority, int limit) {
        return jdbc.sql(RESULTS + " where c.authority_id = ? and c.id in (select l.id from notify_campaign l where l.authority_id = ?"
                        + " order by l.business_date desc, l.id desc limit ?)" + RESULTS_GROUPED + " order by c.business_date desc, c.id desc")
                .params(PAYMENT_FOLLOWED_DAYS, authority.id(), authority.id(), limit)
                .query((rs, n) -> result(authority, rs)).list();
    }

    private static Result result(BillingAuthority authority, java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Result(rs.getLong(1), authority.gssCode(), rs.getString(2), rs.getString(3), Channel.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getLong(12), rs.getLong(13));
    }

    /** A campaign's delivery counts and the payments that followed its messages; the caller adds the where clause. */
    private static final String RESULTS = """
            select c.id, c.segment, t.event_code, c.channel, c.business_date, c.created_by,
                   count(m.id) filter (where m.state in ('QUEUED', 'SENDING')),
                   count(m.id) filter (where m.state in ('SENT', 'DELIVERED')),
                   count(m.id) filter (where m.state = 'DELIVERED'),
                   count(m.id) filter (where m.state = 'FAILED'),
                   count(m.id) filter (where m.state = 'SUPPRESSED'),
                   count(p.account_id), coalesce(sum(p.paid), 0)
            from notify_campaign c
            join notify_template t on t.authority_id = c.authority_id and t.id = c.template_row
            left join notify_message m on m.authority_id = c.authority_id and m.campaign_id = c.id
            -- the ledger's payments posted to the account within 7 days after its message was sent
            left join lateral (
                select e.account_id, -sum(e.amount_pence) as paid from ledger_entry e
                where m.sent_at is not null and e.authority_id = m.authority_id and e.account_id = m.account_id and e.entry_type = 'PAYMENT'
                  and e.effective_on between cast(m.sent_at at time zone 'Europe/London' as date)
                                         and cast(m.sent_at at time zone 'Europe/London' as date) + ?
                group by e.account_id) p on true""";

    private static final String RESULTS_GROUPED = " group by c.id, c.segment, t.event_code, c.channel, c.business_date, c.created_by";

    private Templates.Template template(BillingAuthority authority, String eventCode, Channel channel) {
        return templates.inForce(authority.id(), eventCode, channel).orElseThrow(() -> InvalidInput.of("eventCode",
                authority.name() + " has no " + channel + " template in force for " + eventCode + ": an administrator sets one first"));
    }

    private List<Personalisation.Target> targets(BillingAuthority authority, Segment segment) {
        LocalDate today = LocalDate.now(clock);
        String sql = switch (segment) {
            case MISSED_FIRST_INSTALMENT_NOT_REMINDED -> MISSED_NOT_REMINDED;
            case ARRANGEMENT_PAYMENT_DUE_TOMORROW -> EventMessages.DUE_ON;
        };
        return jdbc.sql(sql).param("authority", authority.id()).param("today", today).param("day", today.plusDays(1))
                .param("year", FinancialYear.containing(today).startYear())
                .query((rs, n) -> new Personalisation.Target(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4))).list();
    }

    /**
     * The current bill of this financial year has instalments due before today that the year's credits have not met,
     * and recovery has issued no reminder for the year. Read-only over the billing, ledger and recovery tables, as the
     * worklists read them for their lists.
     */
    private static final String MISSED_NOT_REMINDED = """
            select a.reference, (select ap.party_id from account_party ap where ap.authority_id = a.authority_id and ap.account_id = a.id
                                 order by ap.party_id limit 1),
                   x.first_due, x.overdue
            from bill b
            join account a on a.authority_id = b.authority_id and a.id = b.account_id
            cross join lateral (
                select min(i.d) as first_due, sum(i.p) + coalesce((select sum(e.amount_pence) from ledger_entry e
                        where e.authority_id = b.authority_id and e.account_id = b.account_id and e.financial_year = b.financial_year
                          and e.amount_pence < 0 and e.effective_on <= :today), 0) as overdue
                from unnest(b.instalment_due_on, b.instalment_pence) as i (d, p) where i.d < :today) x
            where b.authority_id = :authority and b.financial_year = :year
              and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
              and x.first_due is not null and x.overdue > 0
              and not exists (select 1 from recovery_action r where r.authority_id = b.authority_id and r.account_id = b.account_id
                                and r.financial_year = b.financial_year and r.code like 'REMINDER%')
            order by a.reference""";
}
