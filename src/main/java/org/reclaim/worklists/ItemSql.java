package org.reclaim.worklists;

/**
 * The SQL each worklist's items are read with. Every list selects the same columns, computed from the state of the
 * moment (so a payment, a hold or a decision takes an item off at once), over its own candidates only:
 * <pre>item_id, item_order, account_id, financial_year, suggestion, rule, reason, due_on, state, assigned_to,
 * arrears_pence, age_days, projected_pence, vulnerable, contact_days</pre>
 * Parameters: {@code :authority}, {@code :today}, and the list's own.
 */
final class ItemSql {

    private ItemSql() {
    }

    /**
     * The score's vulnerability and contact columns for the candidate {@code x}: whether a liable party on its account is
     * flagged VULNERABLE today, and whole UK days since the last contact (null: none; from {@link #lastContact}). The
     * vulnerable accounts are found once from the flags (few: a probe of account_party's party index each) and hashed.
     */
    static String vulnerableAndContactDays(String x) {
        return """
                %1$s.account_id in (
                    select ap.account_id from party_flag f
                    -- offset 0 keeps this a probe of account_party's party index per flag, not a scan of every account's parties
                    cross join lateral (select ap.account_id from account_party ap where ap.authority_id = f.authority_id
                                          and ap.party_id = f.party_id offset 0) ap
                    where f.authority_id = :authority and f.flag = 'VULNERABLE' and f.starts_on <= :today
                      and (f.ends_on is null or f.ends_on >= :today)) as vulnerable,
                :today - cast(lc.at at time zone 'Europe/London' as date) as contact_days""".formatted(x);
    }

    /** Joins {@code lc.at}, the last contact on the candidate's account: one index probe per candidate. */
    static String lastContact(String x) {
        return """
                left join lateral (
                    select max(k.at) as at from account_contact k where k.authority_id = :authority and k.account_id = %1$s.account_id) lc on true
                """.formatted(x);
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
            select 'line:' || l.id as item_id, l.id as item_order, l.account_id, cast(l.financial_year as int) as financial_year,
                   l.stage_code as suggestion, l.rule,
                   'proposed by recovery run ' || l.run_id || ' of ' || r.business_date as reason,
                   r.business_date as due_on, l.state, cast(null as text) as assigned_to,
                   greatest(0, least(l.amount_pence - m.paid_since, m.balance)) as arrears_pence,
                   :today - coalesce(act.began, r.business_date) as age_days,
                   greatest(0, m.balance) as projected_pence,
                   %1$s
            from recovery_line l
            join recovery_run r on r.authority_id = l.authority_id and r.id = l.run_id
            cross join lateral (
                select cast(coalesce(sum(e.amount_pence), 0) as bigint) as balance,
                       -- credits posted since the run, less payments reversed since
                       cast(coalesce(-sum(e.amount_pence) filter (where e.posted_at > r.started_at
                                and (e.amount_pence < 0 or e.entry_type = 'PAYMENT_REVERSAL')), 0) as bigint) as paid_since
                from ledger_entry e
                where e.authority_id = l.authority_id and e.account_id = l.account_id and e.financial_year = l.financial_year) m
            cross join lateral (
                select min(x.issued_on) as began from recovery_action x
                where x.authority_id = l.authority_id and x.account_id = l.account_id and x.financial_year = l.financial_year) act
            %2$s
            where l.authority_id = :authority and l.state = 'PROPOSED' and l.needs_authorisation = :authorisation
              and not %3$s
              and (l.stage_code = 'COSTS_WITHDRAWN' or least(l.amount_pence - m.paid_since, m.balance) > 0)"""
            .formatted(vulnerableAndContactDays("l"), lastContact("l"), holdToday("l", "false"));

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
                from party_flag f
                -- offset 0 keeps this a probe of account_party's party index per flag, not a scan of every account's parties
                cross join lateral (select ap.account_id from account_party ap where ap.authority_id = f.authority_id and ap.party_id = f.party_id
                                    offset 0) ap
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
                   c.account_id, cast(y.financial_year as int) as financial_year,
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
                   %1$s
            from candidates c
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
                select cast(coalesce(sum(e.amount_pence), 0) as bigint) as balance from ledger_entry e
                where e.authority_id = :authority and e.account_id = c.account_id and e.financial_year = y.financial_year) m
            %2$s
            where (p.stage_code is not null or y.code in ('FINAL_NOTICE', 'SUMMONS', 'LIABILITY_ORDER'))
              and m.balance > 0
              and not %3$s"""
            .formatted(vulnerableAndContactDays("c"), lastContact("c"),
                    holdToday("c", "h.hold_type = 'VULNERABILITY_REVIEW' and least(h.ends_on, h.review_on) <= :soon"));

    /**
     * Tasks not done. Their arrears are the account's, as the ledger reckons them (a bill's charge falls due by its
     * instalment plan), and the age is from the earliest recovery action of a year still in arrears. A task leaves the
     * list only when it is completed: it was raised for a person to deal with.
     */
    static final String TASKS = """
            select 'task:' || t.id as item_id, t.id as item_order, t.account_id, cast(null as int) as financial_year,
                   t.kind as suggestion, case when t.for_team_leader then '""" + WorklistItem.FOR_TEAM_LEADER + "' end as rule," + """
                   t.reason, t.due_on, t.state, t.assigned_to,
                   owed.arrears_pence,
                   coalesce(:today - owed.began, 0) as age_days,
                   greatest(0, owed.balance) as projected_pence,
                   %1$s
            from worklist_task t
            cross join lateral (
                select cast(greatest(0, coalesce(sum(y.owed), 0)) as bigint) as arrears_pence, cast(coalesce(sum(y.balance), 0) as bigint) as balance,
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
            %2$s
            where t.authority_id = :authority and t.state <> 'DONE'"""
            .formatted(vulnerableAndContactDays("t"), lastContact("t"));
}
