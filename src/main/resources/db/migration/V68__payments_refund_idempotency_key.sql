-- A refund request sent again (a retry after a lost answer) with the same Idempotency-Key is the same request: it
-- returns the first refund and pays nothing more.
alter table refund add column idempotency_key text;
create unique index refund_idempotency_key on refund (authority_id, idempotency_key) where idempotency_key is not null;
