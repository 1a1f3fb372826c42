-- An authority's arrangements policy, as its administrator sets it; versions keep who changed it and when. With no
-- row: no grace days, no make-good period (only a second missed payment breaks an arrangement) and the stream order
-- of ArrangementPolicy.DEFAULT_ORDER (Council Tax and Business Rates, priority debts, first).
create table arrangement_policy (
    authority_id   int not null references billing_authority (id),
    version        int not null,
    grace_days     int not null check (grace_days between 0 and 60),
    make_good_days int check (make_good_days between 1 and 365),
    stream_order   text[] not null,
    reason         text not null,
    changed_at     timestamptz not null,
    changed_by     text not null,
    primary key (authority_id, version)
);
create trigger arrangement_policy_append_only before update or delete on arrangement_policy
    for each row execute function forbid_update_or_delete();
