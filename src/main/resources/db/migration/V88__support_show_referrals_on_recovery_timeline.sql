-- The recovery timeline gains the customer's referrals to advice partners (support module), dated the day referred:
-- `what` is the partner's kind, `rule` names the partner and the reason. Same columns as V56 and V62.
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
from advice_referral r join advice_partner p on p.authority_id = r.authority_id and p.id = r.partner_id;
