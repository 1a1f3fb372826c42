-- The Standard Financial Statement's spending guidelines (trigger figures for the flexible categories, by household),
-- as an administrator enters them for the authority. None ship: the current figures are member-only and not in our
-- sources. Each change is a new version with who set it, when and from which source; the version in force on the
-- day a form was received is the one it is judged against.
create table spending_guideline_version (
    authority_id   int not null references billing_authority (id),
    version        int not null,
    effective_from date not null,
    source         text not null,
    reason         text not null,
    set_at         timestamptz not null,
    set_by         text not null,
    primary key (authority_id, version)
);

create table spending_guideline (
    authority_id  int not null,
    version       int not null,
    item          text not null,
    adults        smallint not null check (adults between 1 and 20),
    children      smallint not null check (children between 0 and 20),
    monthly_pence bigint not null check (monthly_pence >= 0),
    primary key (authority_id, version, item, adults, children),
    foreign key (authority_id, version) references spending_guideline_version (authority_id, version)
);

create trigger spending_guideline_version_append_only before update or delete on spending_guideline_version
    for each row execute function forbid_update_or_delete();
create trigger spending_guideline_append_only before update or delete on spending_guideline
    for each row execute function forbid_update_or_delete();
