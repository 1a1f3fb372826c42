package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.CopyRows;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One chunk of a recovery run: the accounts in a range of ids. One transaction reads what each account's years owe and
 * what recovery has done (set-based, from the bills' plans, the ledger and the actions), decides each next step, and
 * writes the run's lines, the actions issued, their documents and costs, and the run's progress: a crash loses at most
 * the chunk in hand, and a re-run finds the chunk's actions already issued.
 */
@Component
class RecoveryRunChunk {

    record Outcome(int lines, int issued) {
    }

    /** For tests: called with the chunk's number after its writes, before it commits; throwing fails the chunk. */
    static volatile java.util.function.@Nullable IntConsumer beforeCommit;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Issuing issuing;
    private final Clock clock;

    RecoveryRunChunk(JdbcClient jdbc, DataSource dataSource, Issuing issuing, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.issuing = issuing;
        this.clock = clock;
    }

    record Row(long accountId, AccountReference reference, RevenueStream stream, int year, NextStep.YearState state,
                       @Nullable String holdType, @Nullable String holdNote) {
    }

    @Transactional
    Outcome run(long runId, int number, int authorityId, LocalDate date, boolean preview, Map<RevenueStream, RecoveryPath> paths,
                long after, long upTo) {
        // the chunk's query sorts some 80,000 ledger rows and 20,000 plans to aggregate them: in memory, not on disk
        // (PostgreSQL's default work_mem of 4 MB spilled them), for this transaction only
        jdbc.sql("set local work_mem = '64MB'").update();
        // the run already works its chunks side by side, one per core: a chunk's query gains nothing from parallel workers
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
        List<Row> rows = candidates(authorityId, date, paths, after, upTo, false);
        CopyRows lines = new CopyRows("recovery_line", "authority_id, run_id, account_id, financial_year, stream, stage_code, due_on, rule, "
                + "amount_pence, costs_pence, needs_authorisation, state, hold_type, note, decided_at, decided_by");
        List<Issuing.ToIssue> toIssue = new ArrayList<>();
        List<Object[]> issueLines = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        for (Row r : rows) {
            RecoveryPath path = paths.get(r.stream());
            NextStep.Decision d = NextStep.decide(r.state(), path, date);
            if (!d.now() || d.code() == null) {
                continue;
            }
            boolean needsAuthorisation = !d.code().equals(NextStep.COSTS_WITHDRAWN)
                    && path.stage(StageCode.valueOf(d.code())).map(RecoveryPath.Stage::needsAuthorisation).orElse(false);
            Object[] line = {authorityId, runId, r.accountId(), r.year(), r.stream().name(), d.code(), date, d.rule(), d.amount().pence(),
                    d.costs().pence(), needsAuthorisation, null, null, null, null, null};
            if (r.holdType() != null) {
                // SI 2020/1311 reg 7 and 11 for a breathing space; the authority's own hold otherwise: no action, no costs, no letter
                line[10] = needsAuthorisation;
                line[11] = "PASSED_OVER";
                line[12] = r.holdType();
                line[13] = r.holdNote();
                line[9] = 0L;
                lines.add(line);
            } else if (preview || needsAuthorisation) {
                line[11] = "PROPOSED";
                lines.add(line);
            } else {
                toIssue.add(toIssue(r, d, path, date, runId));
                issueLines.add(line);
            }
        }
        Set<String> issued = issuing.issue(authorityId, toIssue);
        for (int i = 0; i < toIssue.size(); i++) {
            Object[] line = issueLines.get(i);
            boolean now_ = issued.contains(toIssue.get(i).key());
            line[11] = now_ ? "ISSUED" : "SUPERSEDED";
            line[13] = now_ ? null : "already issued";
            line[14] = now;
            line[15] = user;
            lines.add(line);
        }
        lines.copyInto(dataSource);
        jdbc.sql("update recovery_run set chunks_done = chunks_done + 1 where authority_id = ? and id = ?").params(authorityId, runId).update();
        java.util.function.IntConsumer hook = beforeCommit;
        if (hook != null) {
            hook.accept(number);
        }
        return new Outcome(lines.count(), issued.size());
    }

    static Issuing.ToIssue toIssue(Row r, NextStep.Decision d, RecoveryPath path, LocalDate on, @Nullable Long runId) {
        return toIssue(r.accountId(), r.reference(), r.year(), d.code(), d.rule(), d.amount(), d.costs(), path, on, runId, null);
    }

    static Issuing.ToIssue toIssue(long accountId, AccountReference reference, int year, String code, String rule, Money amount, Money costs,
                                   RecoveryPath path, LocalDate on, @Nullable Long runId, @Nullable Long lineId) {
        if (code.equals(NextStep.COSTS_WITHDRAWN)) {
            return new Issuing.ToIssue(accountId, reference, year, code, on, rule, runId, lineId, amount, Money.ZERO, null,
                    path.stream() == RevenueStream.BUSINESS_RATES ? "NNDR_COSTS_WITHDRAWN" : "CT_COSTS_WITHDRAWN");
        }
        StageCode stage = StageCode.valueOf(code);
        LocalDate hearing = stage == StageCode.SUMMONS
                ? on.plusDays(path.stage(StageCode.LIABILITY_ORDER).map(RecoveryPath.Stage::waitDays).orElse(21)) : null;
        // the liability order's costs are incurred when the court makes it: the hearing outcome posts them, not the run
        Money actionCosts = stage == StageCode.LIABILITY_ORDER ? Money.ZERO : costs;
        return new Issuing.ToIssue(accountId, reference, year, code, on, rule, runId, lineId, amount, actionCosts, hearing,
                path.stage(stage).map(RecoveryPath.Stage::document).orElse(""));
    }

    List<Row> candidates(int authorityId, LocalDate date, Map<RevenueStream, RecoveryPath> paths, long after, long upTo, boolean every) {
        RecoveryPath ct = paths.get(RevenueStream.COUNCIL_TAX);
        RecoveryPath nndr = paths.get(RevenueStream.BUSINESS_RATES);
        return jdbc.sql("""
                with hist as (
                    select account_id, financial_year,
                           count(*) filter (where code in ('REMINDER_1', 'REMINDER_2')) as reminders,
                           (array_agg(code order by issued_on desc, id desc))[1] as last_code,
                           (array_agg(issued_on order by issued_on desc, id desc))[1] as last_on,
                           (array_agg(hearing_on order by issued_on desc, id desc))[1] as last_hearing,
                           max(issued_on) filter (where code in ('REMINDER_1', 'REMINDER_2')) as last_reminder_on,
                           coalesce(sum(costs_pence) filter (where code = 'SUMMONS'), 0) as summons_costs,
                           bool_or(code = 'COSTS_WITHDRAWN') as costs_withdrawn
                    from recovery_action where authority_id = :authority and account_id > :after and account_id <= :upTo
                    group by account_id, financial_year),
                acct as (
                    select a.id, a.reference, a.stream, case a.stream when 'BUSINESS_RATES' then 2 else 1 end as slot
                    from account a
                    where a.authority_id = :authority and a.id > :after and a.id <= :upTo and a.stream in ('COUNCIL_TAX', 'BUSINESS_RATES')),
                -- a sum that depends on the grace days is worked out for each stream's grace, [1] Council Tax and [2] Business
                -- Rates, and the account's stream picks one (acct.slot): so the bills and the ledger are each read in one range
                -- scan of their account index, in order, joined to nothing (joined to the accounts, they were read by 20,000
                -- index lookups a chunk, and sorted)
                plan as (
                    select b.account_id, b.financial_year,
                           array[coalesce(sum(i.p) filter (where i.d < :ctCutoff), 0),
                                 coalesce(sum(i.p) filter (where i.d < :nndrCutoff), 0)] as due,
                           array[coalesce(sum(i.p) filter (where i.d < :ctCutoff and i.d > h.last_reminder_on + 7), 0),
                                 coalesce(sum(i.p) filter (where i.d < :nndrCutoff and i.d > h.last_reminder_on + 7), 0)] as due_after_window,
                           array[min(i.d) filter (where i.d < :ctCutoff and i.d > h.last_reminder_on + 7),
                                 min(i.d) filter (where i.d < :nndrCutoff and i.d > h.last_reminder_on + 7)] as first_missed_after_window,
                           max(i.d) as last_instalment
                    from bill b
                    left join hist h on h.account_id = b.account_id and h.financial_year = b.financial_year
                    cross join lateral unnest(b.instalment_due_on, b.instalment_pence) as i (d, p)
                    where b.authority_id = :authority and b.account_id > :after and b.account_id <= :upTo and b.financial_year <= :year
                      and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
                    group by b.account_id, b.financial_year),
                led as (
                    select e.account_id, e.financial_year,
                           array[coalesce(sum(e.amount_pence) filter (where e.amount_pence > 0 and not e.scheduled and e.due_on < :ctCutoff), 0),
                                 coalesce(sum(e.amount_pence) filter (where e.amount_pence > 0 and not e.scheduled and e.due_on < :nndrCutoff), 0)]
                               as unscheduled_due,
                           array[coalesce(sum(e.amount_pence) filter (where e.amount_pence > 0 and e.scheduled and e.due_on < :ctCutoff), 0),
                                 coalesce(sum(e.amount_pence) filter (where e.amount_pence > 0 and e.scheduled and e.due_on < :nndrCutoff), 0)]
                               as scheduled_due,
                           coalesce(sum(e.amount_pence) filter (where e.amount_pence < 0 and e.effective_on <= :date), 0) as credits,
                           coalesce(sum(e.amount_pence) filter (where e.amount_pence > 0 or e.effective_on <= :date), 0) as balance,
                           max(e.due_on) filter (where e.amount_pence > 0 and not e.scheduled) as last_debit_due
                    from ledger_entry e
                    where e.authority_id = :authority and e.account_id > :after and e.account_id <= :upTo and e.financial_year <= :year
                    group by e.account_id, e.financial_year)
                select c.id, c.reference, c.stream, l.financial_year,
                       l.unscheduled_due[c.slot] + coalesce(p.due[c.slot], l.scheduled_due[c.slot]) + l.credits as arrears,
                       l.balance, h.last_code, h.last_on, h.last_hearing, coalesce(h.reminders, 0), coalesce(p.due_after_window[c.slot], 0),
                       p.first_missed_after_window[c.slot], coalesce(h.summons_costs, 0), coalesce(h.costs_withdrawn, false),
                       coalesce(hold.hold_type, flagged.hold_type), coalesce(hold.note, flagged.note),
                       greatest(p.last_instalment, l.last_debit_due)
                from led l
                join acct c on c.id = l.account_id
                left join plan p on p.account_id = l.account_id and p.financial_year = l.financial_year
                left join hist h on h.account_id = l.account_id and h.financial_year = l.financial_year
                left join lateral (
                    select x.hold_type, """ + SqlWords.words("x.hold_type") + " || ' from ' || " + SqlWords.day("x.starts_on")
                + " || coalesce(' to ' || " + SqlWords.day("x.ends_on") + ", ', review on ' || " + SqlWords.day("x.review_on") + ")" + """
                           || ': ' || x.reason as note
                    from recovery_hold x
                    where x.authority_id = :authority and x.account_id = c.id and x.starts_on <= :date
                      and (x.ends_on is null or x.ends_on >= :date) and (x.ended_on is null or x.ended_on > :date)
                    order by x.hold_type like 'BREATHING_SPACE%' desc, x.id limit 1) hold on true
                -- every liable party dead or insolvent on the day: nobody can be pursued, so the account is held (a joint
                -- payer who is neither stays liable for all of it, LGFA 1992 s. 6(3), and recovery goes on against them)
                left join lateral (
                    select case when bool_and(f.deceased) then 'DECEASED' else 'INSOLVENCY' end as hold_type,
                           'every liable party is flagged ' || string_agg(distinct f.flags, ', ') as note
                    from (select ap.party_id, coalesce(bool_or(pf.flag = 'DECEASED'), false) as deceased, count(pf.flag) > 0 as stopped,
                                 string_agg(lower(pf.flag) || ' from ' || """ + SqlWords.day("pf.starts_on") + ", ', ') as flags" + """
                          from account_party ap
                          left join party_flag pf on pf.authority_id = ap.authority_id and pf.party_id = ap.party_id
                                and pf.flag in ('DECEASED', 'INSOLVENT') and pf.starts_on <= :date and (pf.ends_on is null or pf.ends_on >= :date)
                          where ap.authority_id = :authority and ap.account_id = c.id
                          group by ap.party_id) f
                    having count(*) > 0 and bool_and(f.stopped)) flagged on true
                where :every or l.unscheduled_due[c.slot] + coalesce(p.due[c.slot], l.scheduled_due[c.slot]) + l.credits > 0
                   or (h.last_code is not null and h.last_code <> 'LIABILITY_ORDER')
                order by c.id, l.financial_year""")
                .param("every", every).param("authority", authorityId).param("after", after).param("upTo", upTo).param("date", date)
                .param("year", FinancialYear.containing(date).startYear())
                .param("ctCutoff", date.minusDays(ct.graceDays())).param("nndrCutoff", date.minusDays(nndr.graceDays()))
                .query((rs, n) -> {
                    RevenueStream stream = RevenueStream.valueOf(rs.getString(3));
                    return new Row(rs.getLong(1), new AccountReference(rs.getString(2)), stream, rs.getInt(4),
                            new NextStep.YearState(stream, Money.ofPence(Math.max(0, rs.getLong(5))), Money.ofPence(rs.getLong(6)), rs.getString(7),
                                    rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getInt(10), Money.ofPence(rs.getLong(11)),
                                    rs.getObject(12, LocalDate.class), Money.ofPence(rs.getLong(13)), rs.getBoolean(14),
                                    rs.getObject(17, LocalDate.class)),
                            rs.getString(15), rs.getString(16));
                })
                .list();
    }
}
