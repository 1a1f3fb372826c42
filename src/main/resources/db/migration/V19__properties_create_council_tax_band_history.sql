-- A dwelling's Council Tax band over time: the Valuation Office Agency's list alterations take effect from a date,
-- often in the past, so bills are worked out from the band of each day.
create table council_tax_band_history (
    authority_id   int not null,
    property_id    bigint not null,
    effective_from date not null,
    band           char(1) not null check (band in ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H')),
    recorded_at    timestamptz not null,
    recorded_by    text not null,
    primary key (authority_id, property_id, effective_from),
    foreign key (authority_id, property_id) references property (authority_id, id)
);
