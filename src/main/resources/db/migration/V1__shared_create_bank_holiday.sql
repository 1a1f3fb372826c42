-- The national business calendar: bank holidays in England and Wales (the data is in V2).
-- Not a council's table: every authority in an installation in England works to the same calendar.
create table bank_holiday (
    holiday_on date primary key,
    name       text not null
);

-- Shared guard for append-only tables (the ledger, the audit trail): a correction is a new row, never an update.
create function forbid_update_or_delete() returns trigger
language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed; post a correcting entry instead', tg_table_name, lower(tg_op)
        using errcode = 'P0001';
end;
$$;
