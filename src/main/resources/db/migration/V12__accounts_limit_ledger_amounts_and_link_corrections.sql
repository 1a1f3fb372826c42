-- No single movement exceeds £1,000,000,000 either way, so a typed amount in pounds-as-pence cannot make sums overflow;
-- a correcting entry names an entry that exists on the same authority's ledger.
alter table ledger_entry
    add constraint ledger_entry_amount_limit check (abs(amount_pence) <= 100000000000),
    add constraint ledger_entry_corrects foreign key (authority_id, corrects_entry_id) references ledger_entry (authority_id, id);
