-- Council Tax attachment of earnings orders, England: the deduction tables of Schedule 4 to the Council Tax
-- (Administration and Enforcement) Regulations 1992 (SI 1992/613), as substituted by SI 2006/3395 reg 5(2) for orders
-- made on or after 1 April 2007. National figures, not a council's. A changed table is new rows with a later
-- effective_from (the date from which orders made use it), never a code change.
--
-- A band covers net earnings that exceed exceeding_pence and do not exceed up_to_pence (null: no upper limit).
-- The deduction is percent% of the net earnings; in the top band (percent_of_excess not null) it is percent% of the
-- first exceeding_pence plus percent_of_excess% of the rest ("17 in respect of the first £505 and 50 in respect of the
-- remainder"). How the tables apply: reg 38(1)(a) weekly pay uses Table A, (b) monthly pay Table B, (c) pay at
-- regular intervals of a whole number of weeks or months uses Table A or B on the pay divided by that number, the
-- deduction multiplied back (http://www.legislation.gov.uk/uksi/1992/613/schedule/3/paragraph/38/made). Table C is
-- for the rest: pay at other regular intervals, or not at regular intervals, is divided by the number of days it
-- covers (since the last pay-day), Table C applies to that daily figure and the daily deduction is multiplied by the
-- days. The text of reg 38's later paragraphs was not retrieved; this is the parallel Community Charges reg 33(2)
-- (https://www.legislation.gov.uk/uksi/1989/438/regulation/33/made) and an employers' guide with worked examples
-- (https://exeter.gov.uk/council-tax/paying-your-council-tax/council-tax-attachment-of-earnings-orders/deductions-from-earnings-paid-irregularly/).
--
-- CONFLICT (weekly Table A, the 12%/17% boundary: £355 or £335). SI 2006/3395 reg 5(2)(a)(v) as published on
-- legislation.gov.uk substitutes "£335" in the fifth and sixth weekly rows, and Fylde publishes £335
-- (https://legislation.gov.uk/id/uksi/2006/3395/regulation/5?view=extent&wrap=true ;
-- https://new.fylde.gov.uk/resident/counciltax/attachment-of-earnings-deduction). Most councils (Wyre, Sandwell,
-- Blackburn, South Staffordshire) and the identical Welsh table (SI 2007/582) use £355, and legislation.gov.uk's
-- annotation list for Sch. 4 skips item (v) (https://legislation.gov.uk/uksi/1992/613/schedule/4/2017-02-15/data.html).
-- We ship £355, the figure of the majority of sources, and mark both affected rows. Confirm against the revised
-- Sch. 4 on legislation.gov.uk before go-live; if £335 is right, it is an update of these two rows' bounds.
create table attachment_of_earnings_band (
    pay_period        text not null check (pay_period in ('WEEKLY', 'MONTHLY', 'DAILY')),
    effective_from    date not null,
    exceeding_pence   bigint not null check (exceeding_pence >= 0),
    up_to_pence       bigint check (up_to_pence is null or up_to_pence > exceeding_pence),
    percent           numeric(5, 2) not null check (percent between 0 and 100),
    percent_of_excess numeric(5, 2) check (percent_of_excess between 0 and 100),
    source            text not null,
    primary key (pay_period, effective_from, exceeding_pence),
    -- only the open-ended top band has a second rate, and it has one
    check ((up_to_pence is null) = (percent_of_excess is not null))
);

insert into attachment_of_earnings_band (pay_period, effective_from, exceeding_pence, up_to_pence, percent, percent_of_excess, source)
values
    -- Table A: deductions from weekly earnings
    ('WEEKLY', '2007-04-01',     0,  7500,  0, null, 'SI 1992/613 Sch. 4 Table A (SI 2006/3395 reg 5(2)(a)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('WEEKLY', '2007-04-01',  7500, 13500,  3, null, 'SI 1992/613 Sch. 4 Table A (SI 2006/3395 reg 5(2)(a)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('WEEKLY', '2007-04-01', 13500, 18500,  5, null, 'SI 1992/613 Sch. 4 Table A (SI 2006/3395 reg 5(2)(a)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('WEEKLY', '2007-04-01', 18500, 22500,  7, null, 'SI 1992/613 Sch. 4 Table A (SI 2006/3395 reg 5(2)(a)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('WEEKLY', '2007-04-01', 22500, 35500, 12, null, 'SI 1992/613 Sch. 4 Table A (SI 2006/3395 reg 5(2)(a)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'
        || ' CONFLICT: upper limit £355 per most councils and the Welsh SI 2007/582; SI 2006/3395 reg 5(2)(a)(v) as published and Fylde say £335: https://legislation.gov.uk/id/uksi/2006/3395/regulation/5?view=extent&wrap=true ; https://new.fylde.gov.uk/resident/counciltax/attachment-of-earnings-deduction'),
    ('WEEKLY', '2007-04-01', 35500, 50500, 17, null, 'SI 1992/613 Sch. 4 Table A (SI 2006/3395 reg 5(2)(a)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'
        || ' CONFLICT: lower limit £355 per most councils and the Welsh SI 2007/582; SI 2006/3395 reg 5(2)(a)(v) as published and Fylde say £335: https://legislation.gov.uk/id/uksi/2006/3395/regulation/5?view=extent&wrap=true ; https://new.fylde.gov.uk/resident/counciltax/attachment-of-earnings-deduction'),
    ('WEEKLY', '2007-04-01', 50500,  null, 17,   50, 'SI 1992/613 Sch. 4 Table A (SI 2006/3395 reg 5(2)(a)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    -- Table B: deductions from monthly earnings
    ('MONTHLY', '2007-04-01',      0,  30000,  0, null, 'SI 1992/613 Sch. 4 Table B (SI 2006/3395 reg 5(2)(b)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('MONTHLY', '2007-04-01',  30000,  55000,  3, null, 'SI 1992/613 Sch. 4 Table B (SI 2006/3395 reg 5(2)(b)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('MONTHLY', '2007-04-01',  55000,  74000,  5, null, 'SI 1992/613 Sch. 4 Table B (SI 2006/3395 reg 5(2)(b)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('MONTHLY', '2007-04-01',  74000,  90000,  7, null, 'SI 1992/613 Sch. 4 Table B (SI 2006/3395 reg 5(2)(b)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('MONTHLY', '2007-04-01',  90000, 142000, 12, null, 'SI 1992/613 Sch. 4 Table B (SI 2006/3395 reg 5(2)(b)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('MONTHLY', '2007-04-01', 142000, 202000, 17, null, 'SI 1992/613 Sch. 4 Table B (SI 2006/3395 reg 5(2)(b)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('MONTHLY', '2007-04-01', 202000,   null, 17,   50, 'SI 1992/613 Sch. 4 Table B (SI 2006/3395 reg 5(2)(b)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    -- Table C: deductions based on daily earnings
    ('DAILY', '2007-04-01',    0, 1100,  0, null, 'SI 1992/613 Sch. 4 Table C (SI 2006/3395 reg 5(2)(c)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('DAILY', '2007-04-01', 1100, 2000,  3, null, 'SI 1992/613 Sch. 4 Table C (SI 2006/3395 reg 5(2)(c)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('DAILY', '2007-04-01', 2000, 2700,  5, null, 'SI 1992/613 Sch. 4 Table C (SI 2006/3395 reg 5(2)(c)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('DAILY', '2007-04-01', 2700, 3300,  7, null, 'SI 1992/613 Sch. 4 Table C (SI 2006/3395 reg 5(2)(c)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('DAILY', '2007-04-01', 3300, 5200, 12, null, 'SI 1992/613 Sch. 4 Table C (SI 2006/3395 reg 5(2)(c)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('DAILY', '2007-04-01', 5200, 7200, 17, null, 'SI 1992/613 Sch. 4 Table C (SI 2006/3395 reg 5(2)(c)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions'),
    ('DAILY', '2007-04-01', 7200, null, 17,   50, 'SI 1992/613 Sch. 4 Table C (SI 2006/3395 reg 5(2)(c)): https://wyre.gov.uk/council-tax/happens-dont-pay/7 ; https://www.sandwell.gov.uk/council-tax/attachment-earnings-rates-deductions');
