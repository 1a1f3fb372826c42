package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Csv;
import org.reclaim.shared.AccessAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The hearing list: each account's year summoned to a hearing, with what it owes now (arrears and costs) and what has
 * changed since the summons, so that officers can withdraw before the hearing what should not go before the court.
 * Also the list the court receives, as CSV.
 */
@Service
public class HearingList {

    /** What changed since the summons: paid in full, part paid, on hold (an arrangement is a hold), or nothing. */
    public enum Change { PAID_IN_FULL, PART_PAID, ON_HOLD, UNCHANGED }

    public record Case(String accountReference, int financialYear, LocalDate summonsIssuedOn, long summonedPence, long owedPence, long costsPence,
                       long paidSinceSummonsPence, Change change, @Nullable String holdType, @Nullable LocalDate adjournedFrom,
                       @Nullable String outcome, @Nullable LocalDate adjournedTo, @Nullable String outcomeRecordedBy) {
    }

    public record View(Hearings.Hearing hearing, LocalDate asOf, List<Case> cases) {
    }

    private final JdbcClient jdbc;
    private final Hearings hearings;
    private final AccessAudit audit;
    private final Clock clock;

    HearingList(JdbcClient jdbc, Hearings hearings, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.hearings = hearings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The list as of a day (default today): holds in force then and payments made by then. */
    public View of(long hearingId, @Nullable LocalDate asOf) {
        Hearings.Hearing hearing = hearings.get(hearingId);
        int authorityId = hearings.authorityOf(hearingId);
        LocalDate today = asOf == null ? LocalDate.now(clock) : asOf;
        List<Case> cases = jdbc.sql("""
                select a.reference, l.financial_year, s.issued_on, s.amount_pence,
                       coalesce(m.owed, 0), coalesce(m.costs, 0), coalesce(m.paid_since, 0), hold.hold_type, f.hearing_on,
                       o.outcome, t.hearing_on, o.recorded_by
                from court_listing l
                join account a on a.authority_id = l.authority_id and a.id = l.account_id
                join recovery_action s on s.authority_id = l.authority_id and s.id = l.summons_action_id
                left join court_hearing f on f.authority_id = l.authority_id and f.id = l.adjourned_from_hearing_id
                left join court_outcome o on o.authority_id = l.authority_id and o.hearing_id = l.hearing_id and o.account_id = l.account_id
                                          and o.financial_year = l.financial_year
                left join court_hearing t on t.authority_id = o.authority_id and t.id = o.adjourned_to_hearing_id
                left join lateral (
                    select sum(e.amount_pence) as owed,
                           sum(e.amount_pence) filter (where e.entry_type = 'COSTS' or c.entry_type = 'COSTS') as costs,
                           -sum(e.amount_pence) filter (where e.entry_type in ('PAYMENT', 'PAYMENT_REVERSAL') and e.effective_on >= s.issued_on and e.effective_on <= :today) as paid_since
                    from ledger_entry e
                    left join ledger_entry c on c.authority_id = e.authority_id and c.id = e.corrects_entry_id
                    where e.authority_id = l.authority_id and e.account_id = l.account_id and e.financial_year = l.financial_year) m on true
                left join lateral (
                    select x.hold_type from recovery_hold x
                    where x.authority_id = l.authority_id and x.account_id = l.account_id and x.starts_on <= :today
                      and (x.ends_on is null or x.ends_on >= :today) and (x.ended_on is null or x.ended_on > :today)
                    order by x.hold_type like 'BREATHING_SPACE%' desc, x.id limit 1) hold on true
                where l.authority_id = :authority and l.hearing_id = :hearing
                order by a.reference, l.financial_year""")
                .param("authority", authorityId).param("hearing", hearingId).param("today", today)
                .query((rs, n) -> {
                    long owed = rs.getLong(5);
                    long paidSince = rs.getLong(7);
                    String hold = rs.getString(8);
                    Change change = owed <= 0 ? Change.PAID_IN_FULL : hold != null ? Change.ON_HOLD : paidSince > 0 ? Change.PART_PAID : Change.UNCHANGED;
                    return new Case(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getLong(4), owed, rs.getLong(6), paidSince,
                            change, hold, rs.getObject(9, LocalDate.class), rs.getString(10), rs.getObject(11, LocalDate.class), rs.getString(12));
                })
                .list();
        audit.recordAll(AccessAudit.Action.READ, cases.stream()
                .map(c -> new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, c.accountReference())).toList(), "hearing list " + hearingId);
        return new View(hearing, today, cases);
    }

    /** The list for the court: one line a case, amounts in pounds and pence. */
    public String csv(long hearingId, @Nullable LocalDate asOf) {
        View view = of(hearingId, asOf);
        StringBuilder out = new StringBuilder("court,hearing_on,account_reference,financial_year,summons_issued_on,summoned,owed_now,costs,"
                + "paid_since_summons,change,hold,adjourned_from,outcome\r\n");
        for (Case c : view.cases()) {
            out.append(String.join(",", Csv.field(view.hearing().court()), view.hearing().hearingOn().toString(), c.accountReference(),
                    c.financialYear() + "/" + String.format(Locale.ROOT, "%02d", (c.financialYear() + 1) % 100), c.summonsIssuedOn().toString(),
                    pounds(c.summonedPence()), pounds(c.owedPence()), pounds(c.costsPence()), pounds(c.paidSinceSummonsPence()), c.change().name(),
                    c.holdType() == null ? "" : c.holdType(), c.adjournedFrom() == null ? "" : c.adjournedFrom().toString(),
                    c.outcome() == null ? "" : c.outcome())).append("\r\n");
        }
        return out.toString();
    }

    private static String pounds(long pence) {
        return java.math.BigDecimal.valueOf(pence, 2).toPlainString();
    }
}
