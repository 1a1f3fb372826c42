-- A payment the bank took back (a Direct Debit returned unpaid, a bounced cheque): recorded once, so the reversal
-- happens once, the payment can no longer be re-allocated or matched from suspense, and it leaves the suspense queue.
create table payment_reversal (
    authority_id int not null,
    payment_id   bigint not null,
    reversed_on  date not null,
    reason       text not null,
    reversed_at  timestamptz not null,
    reversed_by  text not null,
    primary key (authority_id, payment_id),
    foreign key (authority_id, payment_id) references payment (authority_id, id)
);
create trigger payment_reversal_append_only before update or delete on payment_reversal
    for each row execute function forbid_update_or_delete();

-- Lookups by id alone (GET /api/v1/payments/{id}, matching, re-allocation, run views): ids are unique across
-- authorities, but the primary keys lead with authority_id, so without these every lookup read the whole table.
create index payment_by_id on payment (id);
create index payment_in_suspense on payment (authority_id, received_on, id) where suspense_reason is not null;
create index recovery_line_by_run on recovery_line (run_id);
create index collection_skip_by_run on collection_skip (run_id);
create index card_payment_by_id on card_payment (id);
