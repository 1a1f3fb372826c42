-- The particulars of a remedy an officer confirmed (the remedy itself is its recovery_action row, once per account,
-- year and remedy): the debtor, and for an attachment of earnings order the employer, payroll reference, pay period and
-- the deduction per pay-day from Sch. 4; for deductions from benefit the benefit and amount; for an enforcement agent
-- referral the agent, the liability order date and the compliance fee the customer bears (SI 2014/1).
create table remedy_order (
    authority_id         int not null,
    action_id            bigint not null,
    account_id           bigint not null,
    financial_year       smallint not null,
    remedy               text not null check (remedy in ('ATTACHMENT_OF_EARNINGS', 'ATTACHMENT_OF_BENEFIT', 'ATTACHMENT_OF_ALLOWANCES',
                                                         'ENFORCEMENT_AGENT', 'CHARGING_ORDER', 'BANKRUPTCY', 'COMMITTAL')),
    party_id             bigint not null,
    made_on              date not null,
    amount_pence         bigint not null,
    fact_id              bigint,
    employer_name        text,
    payroll_reference    text,
    pay_period           text check (pay_period in ('WEEKLY', 'MONTHLY', 'DAILY')),
    net_earnings_pence   bigint,
    deduction_pence      bigint check (deduction_pence >= 0),
    -- 1 or 2: an authority may have at most two attachment of earnings orders in force against a debtor (reg 37(4))
    order_number         smallint check (order_number in (1, 2)),
    agent                text,
    liability_order_on   date,
    compliance_fee_pence bigint check (compliance_fee_pence >= 0),
    review_note          text,
    primary key (authority_id, action_id),
    foreign key (authority_id, action_id) references recovery_action (authority_id, id),
    unique (authority_id, account_id, financial_year, remedy),
    check (remedy <> 'ATTACHMENT_OF_EARNINGS' or (employer_name is not null and deduction_pence is not null and order_number is not null)),
    check (remedy <> 'ENFORCEMENT_AGENT' or (agent is not null and compliance_fee_pence is not null))
);
create index remedy_order_employer on remedy_order (authority_id, lower(employer_name)) where remedy = 'ATTACHMENT_OF_EARNINGS';
create index remedy_order_party on remedy_order (authority_id, party_id, remedy);
create index remedy_order_agent on remedy_order (authority_id, agent) where remedy = 'ENFORCEMENT_AGENT';

create trigger remedy_order_append_only before update or delete on remedy_order
    for each row execute function forbid_update_or_delete();
