-- Council staff who sign in. One role each: OFFICER, TEAM_LEADER, AUDITOR or ADMIN.
create table staff_user (
    username      text primary key check (username ~ '^[a-z0-9._-]{2,64}$'),
    password_hash text not null,
    role          text not null check (role in ('OFFICER', 'TEAM_LEADER', 'AUDITOR', 'ADMIN')),
    enabled       boolean not null default true,
    created_at    timestamptz not null
);
