-- What a Council Tax bill assumed besides the band, so that a rebill for another reason (a band change, a move)
-- keeps the discounts and reductions the account had.
alter table bill
    add column disabled_band_reduction boolean not null default false,
    add column discount text not null default 'NONE' check (discount in ('NONE', 'SINGLE_PERSON', 'ALL_RESIDENTS_DISREGARDED')),
    add column exemption_class text,
    add column premium_percent smallint not null default 0,
    add column premium_reason text,
    add column council_tax_reduction_pence bigint not null default 0;
