-- Who read or changed which party, property or account, and when (UK GDPR Art. 5(2) accountability, Art. 30 records).
-- Append-only: nobody, not even an administrator through the application, can edit the trail.
create table access_audit (
    id           bigint generated always as identity primary key,
    authority_id int,
    at           timestamptz not null,
    username     text not null,
    action       text not null check (action in ('READ', 'SEARCH', 'CHANGE')),
    subject_type text not null check (subject_type in ('PARTY', 'PROPERTY', 'ACCOUNT')),
    subject_id   text not null,
    detail       text not null
);
create index access_audit_subject on access_audit (authority_id, subject_type, subject_id, at);
create index access_audit_user on access_audit (username, at);

create trigger access_audit_append_only before update or delete on access_audit
    for each row execute function forbid_update_or_delete();
create trigger access_audit_no_truncate before truncate on access_audit
    for each statement execute function forbid_update_or_delete();
