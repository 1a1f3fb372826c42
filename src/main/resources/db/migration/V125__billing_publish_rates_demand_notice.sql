-- Published for letters (read-only): each Business Rates bill with instalments is a rates demand notice on the day it
-- was issued. The Council Tax and Non-Domestic Rating (Demand Notices) (England) Regulations 2003 (SI 2003/2613),
-- Schedule 2 Part 1: the address and description of the hereditament, its rateable value in the local list, the
-- multiplier, and how the chargeable amount was worked out (the bill's lines: the charge at the multiplier, then each
-- relief); the Non-Domestic Rating (Collection and Enforcement) (Local Lists) Regulations 1989 (SI 1989/1058): reg 4(1)
-- (the demand notice), reg 7(1) and Schedule 1 (the instalment scheme).
create view billing_rates_demand_notice as
select b.authority_id, b.account_id, b.id as bill_id, b.issued_on, b.financial_year, b.total_pence, b.instalment_due_on, b.instalment_pence,
       concat_ws(', ', p.address_line_1, p.address_line_2, p.town, p.postcode) as property_address, p.rates_description,
       p.rateable_value_pence,
       billing_bill_lines(b.authority_id, b.id) as lines
from bill b
join account ac on ac.authority_id = b.authority_id and ac.id = b.account_id
left join property p on p.authority_id = ac.authority_id and p.id = ac.property_id
where ac.stream = 'BUSINESS_RATES' and b.instalment_due_on is not null;
