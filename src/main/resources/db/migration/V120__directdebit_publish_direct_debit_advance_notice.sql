-- Published for letters (read-only): a Direct Debit advance notice is due whenever a live mandate's collection schedule
-- is set or changes. The Direct Debit Guarantee (Bacs scheme): "If there are any changes to the amount, date or
-- frequency of your Direct Debit we will notify you 10 working days in advance of your account being debited or as
-- otherwise agreed" (/work/shared/domain/REFERENCE.md 8.4: https://evosoft.co.uk/guides/direct-debit-guarantee/ ;
-- https://blog.paydog.co.uk/direct-debit-guarantee/). A mandate collects the instalments of its account's current
-- bills (DirectDebitRuns), so the schedule is set when the mandate is set up (a notice for each current bill of the
-- account) and changes when a bill is issued for the account of a live mandate (a rebill, or next year's bill). One row
-- per (mandate, bill): notice_on is the day of that event, the letters key on the pair, so each is written once.
create view direct_debit_advance_notice as
select m.authority_id, m.account_id, m.id as mandate_id, m.reference as mandate_reference, m.agreed_notice_days, true as new_mandate,
       (m.created_at at time zone 'Europe/London')::date as notice_on, b.id as bill_id, b.financial_year, b.instalment_due_on, b.instalment_pence
from mandate m
join bill b on b.authority_id = m.authority_id and b.account_id = m.account_id
where m.status <> 'CANCELLED'
  and b.issued_on <= (m.created_at at time zone 'Europe/London')::date
  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
union all
select m.authority_id, m.account_id, m.id, m.reference, m.agreed_notice_days, false, b.issued_on, b.id, b.financial_year,
       b.instalment_due_on, b.instalment_pence
from bill b
join mandate m on m.authority_id = b.authority_id and m.account_id = b.account_id
where m.status <> 'CANCELLED'
  and b.issued_on > (m.created_at at time zone 'Europe/London')::date
  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id);

-- the letters run asks for the mandates set up on its business date (bills issued that day use bill_issued_on, V122)
create index mandate_set_up_on on mandate (((created_at at time zone 'Europe/London')::date));
