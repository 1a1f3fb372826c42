-- A credit transfer request may carry an Idempotency-Key, as a refund request does: a retried request (a timeout, a
-- double click) returns the first transfer and moves nothing more. The transfer keeps how it was set against the
-- receiving account (year, part and pence, in order), so that the repeat answers exactly as the first did.
alter table credit_transfer
    add column idempotency_key  text check (length(idempotency_key) between 1 and 200),
    add column allocation_years smallint[],
    add column allocation_parts text[],
    add column allocation_pence bigint[];
create unique index credit_transfer_idempotency_key on credit_transfer (authority_id, idempotency_key) where idempotency_key is not null;
