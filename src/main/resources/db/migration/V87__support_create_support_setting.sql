-- Each authority's settings for benefits maximisation and referrals. No row means the defaults: no income threshold
-- for the Council Tax Reduction prompt (each council's working-age scheme sets its own means test, LGFA 1992 s. 13A,
-- so there is no national figure to ship) and a 30-day pause when a customer is referred to debt advice.
create table support_setting (
    authority_id                  int primary key references billing_authority (id),
    -- a monthly household income below this prompts the officer to ask about Council Tax Reduction
    ctr_prompt_income_below_pence bigint check (ctr_prompt_income_below_pence > 0),
    debt_advice_pause_days        int not null check (debt_advice_pause_days between 1 and 60),
    set_at                        timestamptz not null,
    set_by                        text not null
);
