-- An authority's own wording of a letter, as data with its history: the newest version of a code is used, the
-- shipped template (classpath templates/documents/<code>.html) when there is none.
create table authority_document_template (
    authority_id   int not null references billing_authority (id),
    document_code  text not null check (document_code ~ '^[A-Z0-9_]+$'),
    version        int not null check (version > 0),
    body           text not null check (btrim(body) <> ''),
    reason         text not null check (btrim(reason) <> ''),
    created_by     text not null,
    created_at     timestamptz not null,
    primary key (authority_id, document_code, version)
);

create trigger authority_document_template_append_only before update or delete on authority_document_template
    for each row execute function forbid_update_or_delete();
