-- Which instalment frequencies besides the statutory monthly scheme an authority offers its Council Tax payers.
-- Weekly and fortnightly plans are not a statutory scheme: they are agreed between the authority and the payer under
-- the Council Tax (Administration and Enforcement) Regulations 1992, reg. 21, so each authority decides whether it
-- offers them. Off until an administrator turns them on.
alter table billing_authority
    add column weekly_instalments        boolean not null default false,
    add column fortnightly_instalments   boolean not null default false,
    add column instalment_options_set_at timestamptz,
    add column instalment_options_set_by text;
