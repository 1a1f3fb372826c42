-- Published for letters (read-only): each refund paid (approved: within the authority's limit at once, else by a team
-- leader), on the day it was paid, to whom and how much. SI 1992/613 reg 31: an amount paid that exceeds the liability
-- is repaid (or credited against another liability). A refund rejected or still waiting has no row.
create view refund_letter as
select r.authority_id, r.account_id, r.id as refund_id, r.amount_pence, r.payee_name,
       (d.decided_at at time zone 'Europe/London')::date as paid_on
from refund r
join refund_decision d on d.authority_id = r.authority_id and d.refund_id = r.id
where d.decision = 'APPROVED';

create index refund_decision_paid_on on refund_decision (((decided_at at time zone 'Europe/London')::date)) where decision = 'APPROVED';
