-- England's Business Rates figures for each financial year (national, not a council's): multipliers in thousandths
-- of a pound per pound of rateable value (49.9p = 499), the limits they turn on, small business rate relief's band,
-- and the retail, hospitality and leisure relief of the years that had one. Each row says where it was published.
create table business_rates_year (
    financial_year          smallint primary key check (financial_year between 1990 and 2100),
    small_multiplier        int not null check (small_multiplier > 0),
    standard_multiplier     int not null check (standard_multiplier > 0),
    high_value_multiplier   int not null default 0 check (high_value_multiplier >= 0),
    rhl_small_multiplier    int not null default 0 check (rhl_small_multiplier >= 0),
    rhl_standard_multiplier int not null default 0 check (rhl_standard_multiplier >= 0),
    small_business_limit_pence bigint not null check (small_business_limit_pence > 0),
    high_value_limit_pence  bigint not null default 0 check (high_value_limit_pence >= 0),
    sbrr_full_up_to_pence   bigint not null check (sbrr_full_up_to_pence > 0),
    sbrr_ends_at_pence      bigint not null,
    rhl_relief_percent      smallint not null default 0 check (rhl_relief_percent between 0 and 100),
    rhl_relief_cap_pence    bigint not null default 0 check (rhl_relief_cap_pence >= 0),
    source                  text not null,
    check (sbrr_ends_at_pence > sbrr_full_up_to_pence)
);

insert into business_rates_year (financial_year, small_multiplier, standard_multiplier, small_business_limit_pence,
                                 sbrr_full_up_to_pence, sbrr_ends_at_pence, rhl_relief_percent, rhl_relief_cap_pence, source)
values (2025, 499, 555, 5100000, 1200000, 1500000, 40, 11000000,
        'Multipliers: https://www.rossendale.gov.uk/business-rates/nndr-multipliers-year ; SBRR: LGFA 1988 Sch. 4ZA para 4, SI 2023/1250; '
        || 'RHL 40%, cap £110,000: https://www.gov.uk/guidance/business-rates-relief-202526-retail-hospitality-and-leisure-scheme');

insert into business_rates_year (financial_year, small_multiplier, standard_multiplier, high_value_multiplier, rhl_small_multiplier,
                                 rhl_standard_multiplier, small_business_limit_pence, high_value_limit_pence,
                                 sbrr_full_up_to_pence, sbrr_ends_at_pence, source)
values (2026, 432, 480, 508, 382, 430, 5100000, 50000000, 1200000, 1500000,
        'https://www.hartlepool.gov.uk/business-rates-support/new-calculation-business-rates-1-april-2026 (confirmed at Budget 26 Nov 2025); '
        || 'SBRR: LGFA 1988 Sch. 4ZA para 4, SI 2023/1250');
