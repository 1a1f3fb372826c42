-- A payment goes to one account or to none (suspense): which one, how and by whom is now kept on the payment row
-- itself instead of a one-to-one payment_match row. A file of 100,000 payments writes 100,000 rows fewer, each with
-- two foreign-key checks fewer. A payment with no account is in suspense (unless the bank took it back).
alter table payment
    add column account_id  bigint,
    add column matched_how text check (matched_how in ('REFERENCE', 'OFFICER')),
    add column match_note  text,
    add column matched_at  timestamptz,
    add column matched_by  text,
    add constraint payment_matched_account foreign key (authority_id, account_id) references account (authority_id, id),
    add constraint payment_match_complete check ((account_id is null) = (matched_how is null)
                                                 and (account_id is null) = (matched_at is null)
                                                 and (account_id is null) = (matched_by is null));

update payment p
set account_id = m.account_id, matched_how = m.matched_how, match_note = m.note, matched_at = m.matched_at, matched_by = m.matched_by
from payment_match m
where m.authority_id = p.authority_id and m.payment_id = p.id;

drop table payment_match;

-- Still append-only, but for one change: a payment in suspense may be matched to an account, once. Nothing the
-- channel reported can change, and a match cannot be undone or moved (re-allocation is its own record).
create function payment_matched_once() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.account_id is null and new.account_id is not null
       and (new.authority_id, new.id, new.source, new.source_reference, new.method, new.amount_pence, new.received_on,
            new.reference_given, new.payer_name, new.named_year, new.suspense_reason, new.received_at, new.received_by,
            new.file_id, new.file_line)
           is not distinct from
           (old.authority_id, old.id, old.source, old.source_reference, old.method, old.amount_pence, old.received_on,
            old.reference_given, old.payer_name, old.named_year, old.suspense_reason, old.received_at, old.received_by,
            old.file_id, old.file_line) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed (a payment in suspense may only be matched to an account, once)',
        tg_table_name, lower(tg_op);
end;
$$;
drop trigger payment_append_only on payment;
create trigger payment_append_only before update or delete on payment for each row execute function payment_matched_once();

-- The access audit is read by subject or by user, newest first (V11's indexes); V3's indexes by time are never used
-- and cost every audit line two index insertions.
drop index access_audit_subject;
drop index access_audit_user;
