-- Published for letters (read-only): the arrangement letters waiting to be written, each with its arrangement's
-- schedule and the first of its accounts (the letter's account). Two sources:
--  * the requests the arrangement monitor records (ARRANGEMENT_MISSED_PAYMENT for a scheduled payment missed, with
--    the shortfall recorded), as they stand while REQUESTED;
--  * ARRANGEMENT_CONFIRMATION for every arrangement agreed, on the day it was made (Council Tax Protocol, LGA and
--    Citizens Advice: confirm the agreed payments in writing), keyed by its first payment date. A cancelled
--    arrangement is not confirmed.
create view arrangement_letter_request as
select r.authority_id, first.account_id, r.arrangement_id, r.document_code, r.requested_on, r.due_on,
       ar.instalment_pence, ar.frequency, ar.first_payment_on, ar.last_payment_on, ar.total_pence, ar.method, m.shortfall_pence
from (select authority_id, arrangement_id, due_on, document_code, requested_on from arrangement_document_request where status = 'REQUESTED'
      union all
      select authority_id, id, first_payment_on, 'ARRANGEMENT_CONFIRMATION', made_on from arrangement where status <> 'CANCELLED') r
join arrangement ar on ar.authority_id = r.authority_id and ar.id = r.arrangement_id
join lateral (select aa.account_id from arrangement_account aa where aa.authority_id = r.authority_id
              and aa.arrangement_id = r.arrangement_id order by aa.position limit 1) first on true
left join arrangement_miss m on m.authority_id = r.authority_id and m.arrangement_id = r.arrangement_id and m.due_on = r.due_on;

-- the letters run asks for the arrangements made on its business date
create index arrangement_made_on on arrangement (made_on);
