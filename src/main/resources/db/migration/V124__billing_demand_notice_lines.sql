-- The demand notice also needs how its amount was worked out and where the dwelling is for the precepts: the bill's
-- lines (the charge, then each discount, reduction, exemption or premium) and the dwelling's parish area. Council Tax
-- (Demand Notices) (England) Regulations 2011 (SI 2011/3038) reg 5 and Schedule 1: the amounts of the billing authority
-- and each precepting authority, the comparison with the preceding year, and the discounts and reductions applied.
-- A bill's lines in order, as the demand notices print them (used by this view and the rates demand notice's, V125).
create function billing_bill_lines(p_authority_id int, p_bill_id bigint) returns jsonb language sql stable as $$
    select coalesce(jsonb_agg(jsonb_build_object('description', l.description, 'kind', l.kind, 'pence', l.amount_pence) order by l.line_no),
                    '[]'::jsonb)
    from bill_line l where l.authority_id = p_authority_id and l.bill_id = p_bill_id
$$;

create or replace view billing_demand_notice as
select b.authority_id, b.account_id, b.id as bill_id, b.issued_on, b.financial_year, b.total_pence, b.instalment_due_on, b.instalment_pence,
       dw.council_tax_band, concat_ws(', ', dw.address_line_1, dw.address_line_2, dw.town, dw.postcode) as property_address,
       dw.parish_id,
       billing_bill_lines(b.authority_id, b.id) as lines
from bill b
join account ac on ac.authority_id = b.authority_id and ac.id = b.account_id
left join property dw on dw.authority_id = ac.authority_id and dw.id = ac.property_id
where ac.stream = 'COUNCIL_TAX' and b.instalment_due_on is not null;
