-- Published for letters (read-only): what the recovery module asks to be written, so the letters run reads these
-- views and none of recovery's tables.

-- A recovery notice waiting for its letter: the stage's action (amount, costs, hearing date of the request), the
-- hearing a summons is listed at (a summons names the court, the day and the time: SI 1992/613 reg 35), and the
-- year's balance on the day it was requested.
create view recovery_letter_request as
select r.authority_id, r.account_id, r.document_code, r.requested_on, a.id as action_id, a.financial_year, a.amount_pence,
       a.costs_pence, a.hearing_on, h.court as listed_court, h.hearing_on as listed_hearing_on,
       (select coalesce(sum(l.amount_pence), 0) from ledger_entry l where l.authority_id = r.authority_id
          and l.account_id = r.account_id and l.financial_year = a.financial_year and l.effective_on <= r.requested_on) as year_balance_pence
from recovery_document_request r
join recovery_action a on a.authority_id = r.authority_id and a.id = r.action_id
left join lateral (select ch.court, ch.hearing_on from court_listing cl
                   join court_hearing ch on ch.authority_id = cl.authority_id and ch.id = cl.hearing_id
                   where cl.authority_id = a.authority_id and cl.summons_action_id = a.id
                   order by cl.listed_at desc limit 1) h on true
where r.status = 'REQUESTED';

-- An attachment of earnings order made (SI 1992/613 regs 37-39): the order served on the employer, the debtor's copy,
-- and the employer's schedule of the orders in force. made_on is the day it was made, the event the letters key on.
-- employer_fee_pence: the employer "may take £1 per deduction for admin" (/work/shared/domain/REFERENCE.md, the
-- regs 37-38 row; https://beta.luton.gov.uk/council-tax/paying-your-council-tax/what-happen-if-you-do-not-pay-your-council-tax/how-attachments-work ;
-- https://www.cherwell.gov.uk/info/25/council-tax/277/if-you-dont-pay-your-council-tax/4).
create view attachment_of_earnings_letter as
select o.authority_id, o.account_id, o.action_id, o.made_on, o.financial_year, o.amount_pence, o.employer_name, f.employer_address,
       o.payroll_reference, o.pay_period, o.net_earnings_pence, o.deduction_pence, o.order_number,
       coalesce(p.organisation_name, concat_ws(' ', p.title, p.forenames, p.surname)) as debtor_name,
       100 as employer_fee_pence,
       (select coalesce(sum(l.amount_pence), 0) from ledger_entry l where l.authority_id = o.authority_id
          and l.account_id = o.account_id and l.financial_year = o.financial_year) as outstanding_pence
from remedy_order o
join party p on p.authority_id = o.authority_id and p.id = o.party_id
left join remedy_fact f on f.authority_id = o.authority_id and f.id = o.fact_id
where o.remedy = 'ATTACHMENT_OF_EARNINGS';
create index remedy_order_earnings_made_on on remedy_order (made_on) where remedy = 'ATTACHMENT_OF_EARNINGS';

-- The Schedule 4 deduction tables as recovery holds them (V50): each band of net earnings per pay period and the
-- percentage deducted, from the date orders made use it.
create view attachment_of_earnings_deduction_table as
select pay_period, effective_from, exceeding_pence, up_to_pence, percent, percent_of_excess
from attachment_of_earnings_band;
