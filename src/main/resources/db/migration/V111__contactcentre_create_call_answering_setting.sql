-- Each authority's peak period and call-answering targets, as versions: a change applies from its effective date and
-- the earlier versions stay (history). No version means the defaults in CallAnsweringSettings: peak 1 March to 30 April
-- (annual billing), answer 82% of calls at peak and 86% the rest of the year (source document seeds/000, Our Standards).
create table call_answering_setting (
    authority_id          int not null references billing_authority (id),
    effective_from        date not null,
    -- the peak period, every year, as month and day (it may run over the new year: from > to)
    peak_from_month       int not null check (peak_from_month between 1 and 12),
    peak_from_day         int not null check (peak_from_day between 1 and 31),
    peak_to_month         int not null check (peak_to_month between 1 and 12),
    peak_to_day           int not null check (peak_to_day between 1 and 31),
    peak_target_percent   numeric(4, 1) not null check (peak_target_percent between 0 and 100),
    other_target_percent  numeric(4, 1) not null check (other_target_percent between 0 and 100),
    reason                text not null check (btrim(reason) <> ''),
    set_at                timestamptz not null,
    set_by                text not null,
    -- one version a day: setting the same day again is refused, not silently replaced
    primary key (authority_id, effective_from)
);

create trigger call_answering_setting_append_only before update or delete on call_answering_setting
    for each row execute function forbid_update_or_delete();
