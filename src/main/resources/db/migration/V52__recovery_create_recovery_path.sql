-- Recovery paths as data: per authority and stream, the ordered stages a debt goes through, with their waiting days,
-- costs, whether a team leader must authorise them, whether the council uses them, and the document each produces.
-- A change is a new version; earlier versions stay, so the history says who changed what and when.
create table recovery_path_version (
    authority_id    int not null references billing_authority (id),
    stream          text not null check (stream in ('COUNCIL_TAX', 'BUSINESS_RATES', 'HOUSING_RENT', 'FORMER_TENANT_ARREARS', 'HB_OVERPAYMENT')),
    version         int not null check (version >= 1),
    -- days after an instalment's due date before the run counts it as missed
    grace_days      int not null check (grace_days between 0 and 60),
    -- what happens to summons costs when the whole sum is paid before the hearing (SI 1992/613 reg 34(5)):
    -- STAND (they were reasonably incurred and are owed) or WITHDRAW (the council waives them)
    costs_if_paid_before_hearing text not null check (costs_if_paid_before_hearing in ('STAND', 'WITHDRAW')),
    reason          text not null,
    changed_at      timestamptz not null,
    changed_by      text not null,
    primary key (authority_id, stream, version)
);

create table recovery_path_stage (
    authority_id       int not null,
    stream             text not null,
    version            int not null,
    position           smallint not null check (position >= 1),
    code               text not null,
    wait_days          int not null check (wait_days >= 0),
    -- null: the stage adds no costs; the council's administrator sets its own figures
    costs_pence        bigint check (costs_pence >= 0),
    needs_authorisation boolean not null,
    in_use             boolean not null,
    document_code      text not null,
    primary key (authority_id, stream, version, position),
    unique (authority_id, stream, version, code),
    foreign key (authority_id, stream, version) references recovery_path_version (authority_id, stream, version)
);

create trigger recovery_path_version_append_only before update or delete on recovery_path_version
    for each row execute function forbid_update_or_delete();
create trigger recovery_path_stage_append_only before update or delete on recovery_path_stage
    for each row execute function forbid_update_or_delete();
