-- The weeks of each rent year in which a council charges its tenants no rent (commonly four: Christmas, New Year and
-- two others), set by the council as landlord. A week is named by its Monday.
create table rent_free_week (
    authority_id  int not null references billing_authority (id),
    week_starting date not null check (extract(isodow from week_starting) = 1),
    primary key (authority_id, week_starting)
);
