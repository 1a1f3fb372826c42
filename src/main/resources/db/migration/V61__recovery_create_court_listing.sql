-- The summonses listed for a hearing: one row per account's year and hearing. A case adjourned is listed again at the
-- hearing it was adjourned to, naming the hearing it came from. The summons must have been issued at least 14 days
-- before the hearing (SI 1992/613 reg 35(2A)); the application checks it when it lists a batch.
create table court_listing (
    authority_id        int not null,
    hearing_id          bigint not null,
    account_id          bigint not null,
    financial_year      smallint not null,
    summons_action_id   bigint not null,
    adjourned_from_hearing_id bigint,
    listed_at           timestamptz not null,
    listed_by           text not null,
    primary key (authority_id, hearing_id, account_id, financial_year),
    foreign key (authority_id, hearing_id) references court_hearing (authority_id, id),
    foreign key (authority_id, adjourned_from_hearing_id) references court_hearing (authority_id, id),
    foreign key (authority_id, account_id) references account (authority_id, id),
    foreign key (authority_id, summons_action_id) references recovery_action (authority_id, id)
);
create index court_listing_account on court_listing (authority_id, account_id, financial_year);
create index court_listing_summons on court_listing (authority_id, summons_action_id);

create trigger court_listing_append_only before update or delete on court_listing
    for each row execute function forbid_update_or_delete();
