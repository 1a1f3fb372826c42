-- What a Business Rates bill assumed besides the rateable value (BusinessRatesCharge.Circumstances), so that a rebill
-- knows the reliefs the hereditament had. A bill with a row here is a Business Rates bill. Written with the bill and,
-- like it, never changed.
create table bill_rates_circumstances (
    authority_id                   int not null,
    bill_id                        bigint not null,
    -- mandatory charity relief, LGFA 1988 s. 43(6) and Sch. 4ZA
    charity                        boolean not null,
    -- the ratepayer's only hereditament, for small business rate relief (LGFA 1988 s. 43(4B))
    sole_property                  boolean not null,
    retail_hospitality_leisure     boolean not null,
    -- unoccupied from this day (LGFA 1988 s. 45; SI 2008/386); null while occupied
    empty_since                    date,
    industrial                     boolean not null,
    rhl_relief_already_given_pence bigint not null check (rhl_relief_already_given_pence >= 0),
    primary key (authority_id, bill_id),
    foreign key (authority_id, bill_id) references bill (authority_id, id)
);

create trigger bill_rates_circumstances_append_only before update or delete on bill_rates_circumstances
    for each row execute function forbid_update_or_delete();
