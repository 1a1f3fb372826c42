-- National figures the recovery remedies turn on, each row with where it was published. Not a council's data: a
-- change in the law is new rows with a later effective date, never a code change.

-- Enforcement agents' fees, Taking Control of Goods (Fees) Regulations 2014 (SI 2014/1), Schedule Table 1
-- (enforcement other than under a High Court writ, which is what a Council Tax or Business Rates liability order
-- is), in force 6 April 2014. Each stage's fee is a fixed fee plus the percentage fee of reg 7: percent% of the part of
-- the "sum to be recovered" that exceeds percent_above_pence. Reg 2(1): the sum to be recovered is the amount of the
-- debt which remains unpaid (or an amount the creditor agrees to accept in full satisfaction of it), i.e. what is due
-- under the liability order, excluding the enforcement agent's own fees and disbursements.
-- Pending: the MoJ response of 9 June 2025 announced a 5% uplift of the fees and moving the threshold to £1,625;
-- no commencement was found, so these 2014 figures stay current until that SI is confirmed
-- (https://www.gov.uk/government/consultations/taking-control-of-goods-regulations-consultation/outcome/taking-control-of-goods-regulations-consultation-response).
create table enforcement_agent_fee (
    stage               text not null check (stage in ('COMPLIANCE', 'ENFORCEMENT', 'SALE_OR_DISPOSAL')),
    effective_from      date not null,
    fixed_fee_pence     bigint not null check (fixed_fee_pence >= 0),
    percent             numeric(5, 2) not null check (percent between 0 and 100),
    percent_above_pence bigint not null check (percent_above_pence >= 0),
    source              text not null,
    primary key (stage, effective_from)
);

insert into enforcement_agent_fee (stage, effective_from, fixed_fee_pence, percent, percent_above_pence, source)
values
    ('COMPLIANCE',       '2014-04-06',  7500, 0.0, 150000, 'SI 2014/1 reg 5, Sch. Table 1: https://www.grencar.co.uk/information/current-charges/ ; https://swale.gov.uk/taking-control-of-goods-regulations/ ; https://www.jacobsenforcement.com/regulations.html'),
    ('ENFORCEMENT',      '2014-04-06', 23500, 7.5, 150000, 'SI 2014/1 reg 5, Sch. Table 1, reg 7: https://www.grencar.co.uk/information/current-charges/ ; https://swale.gov.uk/taking-control-of-goods-regulations/ ; https://www.jacobsenforcement.com/regulations.html'),
    ('SALE_OR_DISPOSAL', '2014-04-06', 11000, 7.5, 150000, 'SI 2014/1 reg 5, Sch. Table 1, reg 7: https://www.grencar.co.uk/information/current-charges/ ; https://swale.gov.uk/taking-control-of-goods-regulations/ ; https://www.jacobsenforcement.com/regulations.html');

-- The least debt for which a remedy may be sought. test AT_LEAST: the debt must be this amount or more; MORE_THAN: the
-- debt must exceed it. A remedy with no row for a date has no threshold known to Reclaim for that date (the engine
-- must then refuse to propose it rather than assume one).
create table remedy_threshold (
    remedy         text not null check (remedy in ('CHARGING_ORDER', 'BANKRUPTCY_PETITION', 'WINDING_UP_PETITION')),
    effective_from date not null,
    amount_pence   bigint not null check (amount_pence > 0),
    test           text not null check (test in ('AT_LEAST', 'MORE_THAN')),
    source         text not null,
    primary key (remedy, effective_from)
);

insert into remedy_threshold (remedy, effective_from, amount_pence, test, source)
values
    -- Council Tax: at least £1,000 outstanding under one or more liability orders when the authority applies, the
    -- debtor having a beneficial interest in the dwelling the orders relate to (CTAE 1992 reg 50, as made)
    ('CHARGING_ORDER', '1992-04-01', 100000, 'AT_LEAST',
     'SI 1992/613 reg 50: https://legislation.gov.uk/uksi/1992/613/regulation/50/made ; https://www.northampton.gov.uk/info/200028/council_tax/96/council_tax_recovery_of_non-payment/8'),
    -- an individual's bankruptcy on a creditor's petition: the debt must be at least the bankruptcy level, £5,000 from
    -- 1 October 2015 (it was £750 before; that earlier row is not shipped because its start is not in the sources)
    ('BANKRUPTCY_PETITION', '2015-10-01', 500000, 'AT_LEAST',
     'Insolvency Act 1986 s.267(4) bankruptcy level: https://www.franciswilksandjones.co.uk/bankruptcy-petition-amount/ ; https://www.pw-la.com/bankruptcy ; https://www.northyorks.gov.uk/council-tax/council-tax-recovery/council-tax-insolvency-and-charging-orders'),
    -- a company's winding-up on a creditor's petition: a debt of more than £750. The amount is sourced; the start date
    -- (the Insolvency Act 1986's commencement, 29 December 1986) is not in the sources and only orders the rows
    ('WINDING_UP_PETITION', '1986-12-29', 75000, 'MORE_THAN',
     'Insolvency Act 1986 s.123(1)(a): https://www.arun.gov.uk/business-rates-liability-order ; https://www.bridgewood.co.uk/insolvency-help/bankruptcy-threshold-creditors-petition/ ; https://www.northyorks.gov.uk/council-tax/council-tax-recovery/council-tax-insolvency-and-charging-orders');

-- Council Tax deductions from DWP benefits (Council Tax (Deductions from Income Support) Regulations 1993, SI 1993/494,
-- as extended to income-based JSA, income-related ESA, Pension Credit and Universal Credit). Legacy benefits: a fixed
-- weekly sum, 5% of the single 25-or-over personal allowance. Universal Credit: 5% of the claimant's standard
-- allowance per monthly assessment period; none if the maximum deductions are already being taken.
-- derived = false: the amount itself is published at the source. derived = true: computed from sourced inputs by the
-- formula in basis (verify before relying on it in a notice). No row: not known (the engine must ask DWP's figure).
create table benefit_deduction_rate (
    benefit          text not null check (benefit in ('UNIVERSAL_CREDIT', 'LEGACY_INCOME_RELATED')),
    claimant         text not null check (claimant in ('ANY', 'SINGLE_UNDER_25', 'SINGLE_25_OR_OVER', 'COUPLE_UNDER_25', 'COUPLE_25_OR_OVER')),
    financial_year   smallint not null check (financial_year between 1990 and 2100),
    pay_period       text not null check (pay_period in ('WEEKLY', 'MONTHLY')),
    deduction_pence  bigint not null check (deduction_pence > 0),
    derived          boolean not null,
    basis            text not null,
    source           text not null,
    primary key (benefit, claimant, financial_year)
);

insert into benefit_deduction_rate (benefit, claimant, financial_year, pay_period, deduction_pence, derived, basis, source)
values
    ('LEGACY_INCOME_RELATED', 'ANY', 2024, 'WEEKLY', 455, false,
     'CPAG''s published weekly rate; the edition year is not shown, the figure is consistent with 2024/25',
     'https://askcpag.org.uk/?id=-257522'),
    ('LEGACY_INCOME_RELATED', 'ANY', 2025, 'WEEKLY', 465, true,
     '5% of the 2025/26 single 25+ JSA/ESA personal allowance £92.05 = £4.6025, rounded up to the next 5p as HB regs 2006 reg 102 does (that rounding for this deduction is an assumption; the published 2025/26 rate was not found)',
     'https://askcpag.org.uk/?id=-267593 ; https://legislation.gov.uk/uksi/2006/213/regulation/102/2023-07-09/data.html'),
    -- Universal Credit: the standard allowances are published; 5% of them, to the nearest penny with a half penny up
    -- (which gives REFERENCE's £20.01 and £21.25), is derived
    ('UNIVERSAL_CREDIT', 'SINGLE_UNDER_25',   2025, 'MONTHLY', 1585, true, '5% of the 2025/26 standard allowance £316.98 = £15.849', 'https://askcpag.org.uk/?id=-267269 ; https://www.uc-advice.co.uk/further-universal-credit-information/deductions-from-your-universal-credit/third-party-deductions'),
    ('UNIVERSAL_CREDIT', 'SINGLE_25_OR_OVER', 2025, 'MONTHLY', 2001, true, '5% of the 2025/26 standard allowance £400.14 = £20.007', 'https://askcpag.org.uk/?id=-267269 ; https://www.uc-advice.co.uk/further-universal-credit-information/deductions-from-your-universal-credit/third-party-deductions'),
    ('UNIVERSAL_CREDIT', 'COUPLE_UNDER_25',   2025, 'MONTHLY', 2488, true, '5% of the 2025/26 standard allowance £497.55 = £24.8775', 'https://askcpag.org.uk/?id=-267269 ; https://www.uc-advice.co.uk/further-universal-credit-information/deductions-from-your-universal-credit/third-party-deductions'),
    ('UNIVERSAL_CREDIT', 'COUPLE_25_OR_OVER', 2025, 'MONTHLY', 3141, true, '5% of the 2025/26 standard allowance £628.10 = £31.405 (a half penny: rounded up)', 'https://askcpag.org.uk/?id=-267269 ; https://www.uc-advice.co.uk/further-universal-credit-information/deductions-from-your-universal-credit/third-party-deductions'),
    ('UNIVERSAL_CREDIT', 'SINGLE_UNDER_25',   2026, 'MONTHLY', 1693, true, '5% of the 2026/27 standard allowance £338.58 = £16.929', 'https://thebusinesstimes.co.uk/universal-credit-payment-delay-for-millions-of-dwp-benefit-claimants ; http://feed.ilidea.com/index.php/Index/details.html?id=12926216'),
    ('UNIVERSAL_CREDIT', 'SINGLE_25_OR_OVER', 2026, 'MONTHLY', 2125, true, '5% of the 2026/27 standard allowance £424.90 = £21.245 (a half penny: rounded up)', 'https://thebusinesstimes.co.uk/universal-credit-payment-delay-for-millions-of-dwp-benefit-claimants ; http://feed.ilidea.com/index.php/Index/details.html?id=12926216'),
    ('UNIVERSAL_CREDIT', 'COUPLE_25_OR_OVER', 2026, 'MONTHLY', 3335, true, '5% of the 2026/27 standard allowance £666.90 = £33.345 (a half penny: rounded up)', 'https://thebusinesstimes.co.uk/universal-credit-payment-delay-for-millions-of-dwp-benefit-claimants ; http://feed.ilidea.com/index.php/Index/details.html?id=12926216');
