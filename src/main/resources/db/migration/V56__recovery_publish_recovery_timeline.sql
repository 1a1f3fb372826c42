-- The account timeline of recovery, published for the officer's workspace (read-only): every action issued, every
-- hold placed and ended, and every run that passed the account over, with the date, the rule and who or what did it.
create view recovery_timeline as
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
where l.state = 'PASSED_OVER';
