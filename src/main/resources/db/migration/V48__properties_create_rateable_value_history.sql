-- A hereditament's rateable value over time: the Valuation Office Agency alters the local rating list from a date,
-- often in the past, so bills are worked out from the value shown for each day (LGFA 1988 s. 42(1): the list shows
-- each hereditament "for each day"; s. 43(2): the chargeable amount is found for each chargeable day).
-- Append-only: a correction of an entry is a later row with the same effective date, and the latest row for a date
-- is the one in force. property.rateable_value_pence stays the value in force today.
create table rateable_value_history (
    authority_id         int not null,
    id                   bigint generated always as identity,
    property_id          bigint not null,
    -- the first local rating lists were compiled on 1 April 1990 (LGFA 1988 s. 41(2))
    effective_from       date not null check (effective_from >= date '1990-04-01'),
    rateable_value_pence bigint not null check (rateable_value_pence >= 0),
    -- the list or alteration it comes from: "2023 list", a VOA alteration reference, or free text
    source               text not null check (length(btrim(source)) between 1 and 200),
    recorded_at          timestamptz not null,
    recorded_by          text not null,
    primary key (authority_id, id),
    foreign key (authority_id, property_id) references property (authority_id, id)
);
create index rateable_value_history_property on rateable_value_history (authority_id, property_id, effective_from, id);

create trigger rateable_value_history_append_only before update or delete on rateable_value_history
    for each row execute function forbid_update_or_delete();
