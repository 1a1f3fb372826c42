-- Published retained-rates shares, by the ONS GSS code of the billing authority and year. National reference data
-- (like business_rates_year): an authority created with one of these codes starts with them, and this migration gives
-- them to any such authority that already exists. An administrator's PUT replaces them.
create table business_rates_share_published (
    gss_code       text not null check (gss_code ~ '^[EW][0-9]{8}$'),
    financial_year smallint not null check (financial_year between 2013 and 2100),
    line_no        smallint not null check (line_no >= 1),
    name           text not null,
    percent        numeric(7, 4) not null check (percent > 0 and percent <= 100),
    source         text not null,
    primary key (gss_code, financial_year, line_no)
);

-- Oadby and Wigston (E07000135), a shire district: Leicestershire County Council is not a fire and rescue authority,
-- so it has 9% and the Leicester, Leicestershire and Rutland Combined Fire Authority 1% (SI 2013/452 reg. 5(3); the
-- same percentages are the "S" of SI 2013/737 Sch. 1 para 2:
-- http://legislation.data.gov.uk/uksi/2013/737/schedule/1/paragraph/2/made/data.html). The central share is 50%
-- (http://www.businessrates.uk/do-business-rates-go-to-central-government/ ; set each year in the Local Government
-- Finance Report, SI 2013/452 explanatory note:
-- https://legislation.gov.uk/uksi/2013/452/note/2018-03-30/data.xht?view=snippet&wrap=true). The district keeps the
-- rest of the local half: 50 - 9 - 1 = 40% (derived). The 2025-26 and 2026-27 Local Government Finance Reports
-- themselves were not found: these are the scheme's standing shares; check them against the council's NNDR1.
insert into business_rates_share_published (gss_code, financial_year, line_no, name, percent, source)
select 'E07000135', y, line_no, name, percent, source
from (values (2025), (2026)) years (y),
     (values (1, 'Central government', 50,
              'Central share 50%: http://www.businessrates.uk/do-business-rates-go-to-central-government/ ; LGFA 1988 Sch. 7B paras 4-6'),
             (2, 'Oadby and Wigston Borough Council', 40,
              'Derived: the local 50% less the county (9%) and fire (1%) shares of SI 2013/452 reg. 5(3)'),
             (3, 'Leicestershire County Council', 9,
              'SI 2013/452 reg. 5(3), county council that is not a fire and rescue authority: http://legislation.data.gov.uk/uksi/2013/737/schedule/1/paragraph/2/made/data.html'),
             (4, 'Leicester, Leicestershire and Rutland Combined Fire Authority', 1,
              'SI 2013/452 reg. 5(3), fire and rescue authority: http://legislation.data.gov.uk/uksi/2013/737/schedule/1/paragraph/2/made/data.html'))
         shares (line_no, name, percent, source);

-- Wigan (E08000010), a Greater Manchester district in the 100% business rates retention pilot since 1 April 2017: the
-- district keeps 99% and 1% goes to the Greater Manchester Fire and Rescue Authority; nothing to central government.
-- Source (Oldham, for every Greater Manchester district): https://www.oldham.gov.uk/info/200198/council_tax/1764/business_rates_retention
-- The 2023 trailblazer devolution deal gives Greater Manchester 100% retention for ten years:
-- https://www.Gov.uk/government/publications/greater-manchester-combined-authority-trailblazer-deeper-devolution-deal/greater-manchester-combined-authority-trailblazer-deeper-devolution-deal ;
-- https://www.estatesgazette.co.uk/news/greater-manchester-deal-a-new-era-for-english-devolution/
-- A Wigan page giving its own 2025-26 or 2026-27 split was not found.
insert into business_rates_share_published (gss_code, financial_year, line_no, name, percent, source)
select 'E08000010', y, line_no, name, percent, source
from (values (2025), (2026)) years (y),
     (values (1, 'Wigan Council', 99,
              'Greater Manchester 100% retention pilot, 99% to the district: https://www.oldham.gov.uk/info/200198/council_tax/1764/business_rates_retention'),
             (2, 'Greater Manchester Fire and Rescue Authority', 1,
              'Greater Manchester 100% retention pilot, 1% to GMFRA: https://www.oldham.gov.uk/info/200198/council_tax/1764/business_rates_retention'))
         shares (line_no, name, percent, source);

insert into business_rates_share (authority_id, financial_year, line_no, name, percent, source)
select a.id, p.financial_year, p.line_no, p.name, p.percent, p.source
from business_rates_share_published p
join billing_authority a on a.gss_code = p.gss_code
on conflict do nothing;
