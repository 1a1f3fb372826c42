-- How the Business Rates a billing authority collects for a year are shared under the business rates retention scheme
-- (Local Government Finance Act 1988 Sch. 7B; Non-Domestic Rating (Rates Retention) Regulations 2013, SI 2013/452):
-- the central share paid to the Secretary of State (Sch. 7B paras 4-6, the percentage set in each year's Local
-- Government Finance Report), each major precepting authority's share (SI 2013/452 reg. 5) and what the billing
-- authority keeps. An administrator sets them; the shares of a year add up to exactly 100%.
create table business_rates_share (
    authority_id   int not null references billing_authority (id),
    financial_year smallint not null check (financial_year between 2013 and 2100),
    line_no        smallint not null check (line_no >= 1),
    name           text not null,
    -- percent of what was collected, to four decimal places (shares such as 34 2/3% have been set in pilot years)
    percent        numeric(7, 4) not null check (percent > 0 and percent <= 100),
    source         text not null,
    primary key (authority_id, financial_year, line_no),
    unique (authority_id, financial_year, name)
);
