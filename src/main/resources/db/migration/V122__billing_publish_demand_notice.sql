-- Published for letters (read-only): each Council Tax bill is a demand notice (SI 1992/613 Part V) with the year's
-- amount, the instalments and the dwelling's band and address, on the day it was issued.
create view billing_demand_notice as
select b.authority_id, b.account_id, b.id as bill_id, b.issued_on, b.financial_year, b.total_pence, b.instalment_due_on, b.instalment_pence,
       dw.council_tax_band, concat_ws(', ', dw.address_line_1, dw.address_line_2, dw.town, dw.postcode) as property_address
from bill b
join account ac on ac.authority_id = b.authority_id and ac.id = b.account_id
left join property dw on dw.authority_id = ac.authority_id and dw.id = ac.property_id
where ac.stream = 'COUNCIL_TAX' and b.instalment_due_on is not null;

-- The letters run (and the Direct Debit advance notices, V120) read a day's bills by issued_on, across authorities.
-- Without this index the read is a scan of every bill ever issued (a million a year per million accounts) for each day
-- run; with it a day with a few rebills reads those few rows, and the annual billing day reads its own bills in order.
create index bill_issued_on on bill (issued_on);
