-- Money collected, by authority, stream, financial year and day, published for reports (read-only): payments count
-- in, reversed payments and refunds out.
create view collected_money as
select l.authority_id, a.stream, l.financial_year, l.effective_on, -l.amount_pence as collected_pence
from ledger_entry l
join account a on a.authority_id = l.authority_id and a.id = l.account_id
where l.entry_type in ('PAYMENT', 'PAYMENT_REVERSAL', 'REFUND');
