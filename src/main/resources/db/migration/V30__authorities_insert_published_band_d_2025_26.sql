-- Band D figures that precepting authorities published for the demo councils, each with the page it came from.
-- Public reference data about named councils (like bank_holiday), not a council's own configuration, so it is keyed
-- by GSS code and has no authority_id. A year is configured from it (council_tax_precept) only once every
-- authority-wide body's figure is here: a bill from part of the precepts would be wrong. None is complete yet:
--   Oadby and Wigston (E07000135) 2025/26: Leicestershire County Council and Oadby and Wigston Borough Council Band D
--     not found in a published source (never back-solved from the published band totals).
--   Wigan (E08000010) 2025/26: the Wigan Council element and the Haigh and Shevington parish precepts not found.
--   2026/27: no body's published Band D found for either council.
create table published_precept (
    gss_code       text not null check (gss_code ~ '^[EW][0-9]{8}$'),
    financial_year smallint not null check (financial_year between 1993 and 2100),
    body_name      text not null,
    body_kind      text not null check (body_kind in ('BILLING_AUTHORITY', 'COUNTY_COUNCIL', 'POLICE', 'FIRE', 'MAYORAL', 'PARISH', 'OTHER')),
    parish         text,
    band_d_pence   bigint not null check (band_d_pence >= 0),
    source         text not null,
    primary key (gss_code, financial_year, body_name)
);

insert into published_precept (gss_code, financial_year, body_name, body_kind, parish, band_d_pence, source) values
-- £300.23: "the average Band D property will now pay £300.23 for the coming 2025/26 financial year" (LLR Police and
-- Crime Panel); Rutland County Council lists the same £300.23 as the police part of its 2025/26 Band D
('E07000135', 2025, 'Leicestershire Police and Crime Commissioner', 'POLICE', null, 30023,
 'https://oakham.nub.news/news/local-news/police-and-crime-panel-sign-off-on-maximum-increase-in-tax-precept-for-residents-in-rutland-leicester-and-leicestershire-252313 ; https://www.rutland.gov.uk/council-tax/council-tax-bands'),
-- £86.65: Rutland County Council, "Council Tax charges ... 2025 to 2026": "£86.65 to Leicestershire and Rutland combined
-- Fire Authority" (one fire authority, one Band D across Leicester, Leicestershire and Rutland). Caution: that page's
-- own parts (£2,218.95 + £300.23 + £86.65 = £2,605.83) do not add up to the £2,608.83 total it states; the £3.00
-- difference is in a figure of Rutland's own or in its total, which one was not found. No second source for £86.65.
('E07000135', 2025, 'Leicester, Leicestershire and Rutland Combined Fire Authority', 'FIRE', null, 8665,
 'https://www.rutland.gov.uk/council-tax/council-tax-bands'),
-- £270.30: GMCA decision "The 2025/26 Mayoral Police and Crime Commissioner precept is set at £270.30 for a Band D property"
('E08000010', 2025, 'Greater Manchester Mayoral Police and Crime Commissioner Precept', 'MAYORAL', null, 27030,
 'https://democracy.greatermanchester-ca.gov.uk/ieDecisionDetails.aspx?ID=3235'),
-- £128.95: GMCA 7 February 2025, Mayoral General Budget & Precept Proposals 2025/26: "the Mayoral General Precept to
-- £128.95 (Band D) comprising of £86.20 for functions previously covered by the Fire and Rescue Authority precept and
-- £42[..] for other Mayoral General functions" (the stored copy is cut off there); GMCA's council tax page gives the
-- average Band A bill as £57.47 (fire) and £28.50 (other mayoral functions)
('E08000010', 2025, 'Greater Manchester Mayoral General Precept (including Fire Services)', 'MAYORAL', null, 12895,
 'https://democracy.greatermanchester-ca.gov.uk/ieListDocuments.aspx?MId=5559 ; https://greatermanchester-ca.gov.uk/who-we-are/accounts-transparency-and-governance/council-tax/mayoral-general-precept-including-fire-services');
