package org.reclaim.worklists;

/**
 * The SQL each worklist's items are read with. Every list selects the same columns, computed from the state of the
 * moment (so a payment, a hold or a decision takes an item off at once), over its own candidates only:
 * <pre>item_id, item_order, account_id, stream, financial_year, suggestion, rule, reason, due_on, state, assigned_to,
 * arrears_pence, age_days, projected_pence, vulnerable, contact_days</pre>
 * Parameters: {@code :authority}, {@code :today}, and the list's own.
 */
final class ItemSql {

    private ItemSql() {
    }

    /** Any liable party on account {@code x.account_id} flagged VULNERABLE today. */
    static String vulnerable(String x) {
        return """
                exists (select 1 from account_party ap join party_flag f on f.authority_id = ap.authority_id and f.party_id = ap.party_id
                        where ap.authority_id = :authority and ap.account_id = %1$s.account_id and f.flag = 'VULNERABLE'
                          and f.starts_on <= :today and (f.ends_on is null or f.ends_on >= :today))""".formatted(x);
    }

    /** Whole UK days since the last contact on the account; null when there has been none. */
    static String contactDays(String x) {
        return """
                (select :today - cast(max(k.at) at time zone 'Europe/London' as date) from account_contact k
                 where k.authority_id = :authority and k.account_id = %1$s.account_id)""".formatted(x);
    }

    /** A hold in force today on the account (an arrangement is a hold of type ARRANGEMENT), other than those {@code except} allows. */
    static String holdToday(String x, String except) {
        return """
                exists (select 1 from recovery_hold h where h.authority_id = :authority and h.account_id = %1$s.account_id
                          and h.starts_on <= :today and (h.ends_on is null or h.ends_on >= :today)
                          and (h.ended_on is null or h.ended_on > :today) and not (%2$s))""".formatted(x, except);
    }

    /**
     * Proposed run lines, by whether their stage needs a team leader ({@code :authorisation}). Stale, and left out, when a
     * hold is in force today, or when the sum the line was proposed for has been paid since the run (or the year owes
     * nothing): the unpaid part of that sum is the item's arrears. A line withdrawing summons costs follows a payment, so
     * only a hold makes it stale. A line released, held or overridden is no longer PROPOSED.
     */
    static final String LINES = """
            select 'line:' || l.id as item_id, l.id as item_order, l.account_id, l.stream, cast(l.financial_year as int) as financial_year,
                   l.stage_code as suggestion, l.rule,
                   'proposed by recovery run ' || l.run_id || ' of ' || r.business_date as reason,
                   r.business_date as due_on, l.state, cast(null as text) as assigned_to,
                   greatest(0, least(l.amount_pence - m.paid_since, m.balance)) as arrears_pence,
                   :today - coalesce(act.began, r.business_date) as age_days,
                   greatest(0, m.balance) as projected_pence,
                   %1$s as vulnerable,
                   %2$s as contact_days
            from recovery_line l
            join recovery_run r on r.authority_id = l.authority_id and r.id = l.run_id
            cross join lateral (
                select coalesce(sum(e.amount_pence), 0) as balance,
                       -- credits posted since the run, less payments reversed since
                       coalesce(-sum(e.amount_pence) filter (where e.posted_at > r.started_at
                                and (e.amount_pence < 0 or e.entry_type = 'PAYMENT_REVERSAL')), 0) as paid_since
                from ledger_entry e
                where e.authority_id = l.authority_id and e.account_id = l.account_id and e.financial_year = l.financial_year) m
            cross join lateral (
                select min(x.issued_on) as began from recovery_action x
                where x.authority_id = l.authority_id and x.account_id = l.account_id and x.financial_year = l.financial_year) act
            where l.authority_id = :authority and l.state = 'PROPOSED' and l.needs_authorisation = :authorisation
              and not %3$s
              and (l.stage_code = 'COSTS_WITHDRAWN' or least(l.amount_pence - m.paid_since, m.balance) > 0)"""
            .formatted(vulnerable("l"), contactDays("l"), holdToday("l", "false"));

    /**
     * Accounts whose party is flagged VULNERABLE, or with a VULNERABILITY_REVIEW hold ending or due for review within
     * {@code :soon}, and a year whose next stage is a summons or beyond: its last action a final notice, summons or
     * liability order, or a line proposing {@code :beyond} (a summons or a later stage). Once instalments are lost the
     * whole balance is due (SI 1992/613 reg 23(3), (4)), so the year's balance is its arrears. Stale when the year owes
     * nothing, or another hold is in force today.
     */
    static final String VULNERABLE = """
            with reasons as (
                select ap.account_id, true as flagged, cast(null as date) as review_on
                from party_flag f join account_party ap on ap.authority_id = f.authority_id and ap.party_id = f.party_id
                where f.authority_id = :authority and f.flag = 'VULNERABLE' and f.starts_on <= :today and (f.ends_on is null or f.ends_on >= :today)
                union all
                select h.account_id, false, least(h.ends_on, h.review_on)
                from recovery_hold h
                where h.authority_id = :authority and h.hold_type = 'VULNERABILITY_REVIEW' and h.starts_on <= :today
                  and (h.ends_on is null or h.ends_on >= :today) and (h.ended_on is null or h.ended_on > :today)
                  and least(h.ends_on, h.review_on) <= :soon),
            candidates as (
                select account_id, bool_or(flagged) as flagged, min(review_on) as review_on from reasons group by account_id)
            select 'year:' || c.account_id || ':' || y.financial_year as item_id, c.account_id * 10000 + y.financial_year as item_order,
                   c.account_id, a.stream, cast(y.financial_year as int) as financial_year,
                   coalesce(p.stage_code, case y.code when 'FINAL_NOTICE' then 'SUMMONS' when 'SUMMONS' then 'LIABILITY_ORDER'
                                                      else 'REMEDY' end) as suggestion,
                   'call before escalation: a vulnerable customer (Council Tax Protocol, LGA and Citizens Advice 2017; '
                       || 'Taking Control of Goods National Standards paras 70-76)' as rule,
                   case when c.flagged then 'flagged VULNERABLE' else 'VULNERABILITY_REVIEW hold ends or is reviewed on ' || c.review_on end
                       || '; last action ' || y.code || ' on ' || y.issued_on
                       || coalesce('; run line proposes ' || p.stage_code, '') as reason,
                   coalesce(c.review_on, p.due_on) as due_on, cast(null as text) as state, cast(null as text) as assigned_to,
                   greatest(0, m.balance) as arrears_pence,
                   :today - y.began as age_days,
                   greatest(0, m.balance) as projected_pence,
                   %1$s as vulnerable,
                   %2$s as contact_days
            from candidates c
            join account a on a.authority_id = :authority and a.id = c.account_id
            cross join lateral (
                select distinct on (x.financial_year) x.financial_year, x.code, x.issued_on,
                       min(x.issued_on) over (partition by x.financial_year) as began
                from recovery_action x where x.authority_id = :authority and x.account_id = c.account_id
                order by x.financial_year, x.issued_on desc, x.id desc) y
            left join lateral (
                select l.stage_code, r.business_date as due_on from recovery_line l join recovery_run r on r.authority_id = l.authority_id and r.id = l.run_id
                where l.authority_id = :authority and l.account_id = c.account_id and l.financial_year = y.financial_year
                  and l.state = 'PROPOSED' and l.stage_code = any(cast(:beyond as text[]))
                limit 1) p on true
            cross join lateral (
                select coalesce(sum(e.amount_pence), 0) as balance from ledger_entry e
                where e.authority_id = :authority and e.account_id = c.account_id and e.financial_year = y.financial_year) m
            where (p.stage_code is not null or y.code in ('FINAL_NOTICE', 'SUMMONS', 'LIABILITY_ORDER'))
              and m.balance > 0
              and not %3$s"""
            .formatted(vulnerable("c"), contactDays("c"),
                    holdToday("c", "h.hold_type = 'VULNERABILITY_REVIEW' and least(h.ends_on, h.review_on) <= :soon"));

    /**
     * Tasks not done. Their arrears are the account's, as the ledger reckons them (a bill's charge falls due by its
     * instalment plan), and the age is from the earliest recovery action of a year still in arrears. A task leaves the
     * list only when it is completed: it was raised for a person to deal with.
     */
    static final String TASKS = """
            select 'task:' || t.id as item_id, t.id as item_order, t.account_id, a.stream, cast(null as int) as financial_year,
                   t.kind as suggestion, cast(null as text) as rule, t.reason, t.due_on, t.state, t.assigned_to,
                   owed.arrears_pence,
                   coalesce(:today - owed.began, 0) as age_days,
                   greatest(0, owed.balance) as projected_pence,
                   %1$s as vulnerable,
                   %2$s as contact_days
            from worklist_task t
            join account a on a.authority_id = t.authority_id and a.id = t.account_id
            cross join lateral (
                select greatest(0, coalesce(sum(y.owed), 0)) as arrears_pence, coalesce(sum(y.balance), 0) as balance,
                       min(y.began) filter (where y.owed > 0) as began
                from (
                    select e.financial_year, sum(e.amount_pence) as balance,
                           coalesce(sum(e.amount_pence) filter (where not e.scheduled
                                    and ((e.amount_pence > 0 and e.due_on <= :today) or (e.amount_pence < 0 and e.effective_on <= :today))), 0)
                           + coalesce(
                               -- the current bill's instalments due by today stand in for its scheduled charge
                               (select case when count(*) > 0 then coalesce(sum(i.p) filter (where i.d <= :today), 0) end
                                from bill b cross join lateral unnest(b.instalment_due_on, b.instalment_pence) as i (d, p)
                                where b.authority_id = :authority and b.account_id = t.account_id and b.financial_year = e.financial_year
                                  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)),
                               coalesce(sum(e.amount_pence) filter (where e.scheduled
                                    and ((e.amount_pence > 0 and e.due_on <= :today) or (e.amount_pence < 0 and e.effective_on <= :today))), 0))
                           as owed,
                           (select min(x.issued_on) from recovery_action x where x.authority_id = :authority and x.account_id = t.account_id
                              and x.financial_year = e.financial_year) as began
                    from ledger_entry e where e.authority_id = :authority and e.account_id = t.account_id
                    group by e.financial_year) y) owed
            where t.authority_id = :authority and t.state <> 'DONE'"""
            .formatted(vulnerable("t"), contactDays("t"));
}
