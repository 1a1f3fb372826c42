-- The recovery timeline gains the contact log (dated the UK day of the contact; `what` is channel, direction and
-- outcome; `rule` the officer's notes). Same columns as V62.
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
select c.authority_id, c.account_id, null, cast(c.at at time zone 'Europe/London' as date), 'CONTACT',
       c.channel || ' ' || c.direction || ' ' || c.outcome, c.notes, c.recorded_by, null, null
from contact c;
