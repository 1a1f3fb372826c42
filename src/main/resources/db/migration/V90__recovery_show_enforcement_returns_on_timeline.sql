-- The recovery timeline gains the customer's referrals to advice partners (support module; dated the day referred,
-- `what` the partner's kind, `rule` the partner and the reason), the contact log (contacts module; dated the day of the
-- contact in the UK) and each case an enforcement agent returned (from the agent's return file, dated the day the file
-- was imported: `what` the agent's status, the amount what the agent collected, the costs the agent's fees).
-- Same columns as V56; every earlier part is restated, since a view is replaced whole.
create or replace view recovery_timeline as
select a.authority_id, a.account_id, a.financial_year, a.issued_on as happened_on, 'ACTION' as kind, a.code as what,
       a.rule, case when a.run_id is null then a.issued_by else 'recovery run ' || a.run_id || ' (' || a.issued_by || ')' end as who,
       a.amount_pence, a.costs_pence
from recovery_action a
union all
select h.authority_id, h.account_id, null, h.starts_on, 'HOLD_PLACED', h.hold_type, h.reason, h.created_by, null, null
from recovery_hold h
union all
select h.authority_id, h.account_id, null, h.ended_on, 'HOLD_ENDED', h.hold_type, h.end_reason, h.ended_by, null, null
from recovery_hold h where h.ended_on is not null
union all
select l.authority_id, l.account_id, l.financial_year, r.business_date, 'PASSED_OVER', l.stage_code, l.note,
       'recovery run ' || l.run_id, l.amount_pence, null
from recovery_line l join recovery_run r on r.authority_id = l.authority_id and r.id = l.run_id
where l.state = 'PASSED_OVER'
union all
select o.authority_id, o.account_id, o.financial_year, h.hearing_on, 'COURT_OUTCOME', o.outcome, o.rule,
       o.recorded_by, o.owed_pence, o.costs_pence
from court_outcome o join court_hearing h on h.authority_id = o.authority_id and h.id = o.hearing_id
union all
select r.authority_id, r.account_id, null, r.referred_on, 'REFERRAL', p.kind, 'referred to ' || p.name || ': ' || r.reason,
       r.created_by, null, null
from advice_referral r join advice_partner p on p.authority_id = r.authority_id and p.id = r.partner_id
union all
select c.authority_id, c.account_id, null, cast(c.at at time zone 'Europe/London' as date), 'CONTACT',
       c.channel || ' ' || c.direction || ' ' || c.outcome, c.notes, c.recorded_by, null, null
from contact c
union all
select x.authority_id, o.account_id, o.financial_year, cast(f.created_at at time zone 'Europe/London' as date), 'ENFORCEMENT_RETURN',
       x.status, 'enforcement agent ' || o.agent || ' returned the case ' || x.status || ' (return file ' || f.id || ', line '
       || x.line_number || ')', f.created_by, x.collected_pence, x.fees_pence
from enforcement_return x
join enforcement_file f on f.authority_id = x.authority_id and f.id = x.file_id
join remedy_order o on o.authority_id = x.authority_id and o.action_id = x.action_id;
