-- Letters handed to another way of posting than the bulk print file: today GOV.UK Notify, which prints and posts a
-- precompiled PDF. A handed letter is left out of the print runs; one Notify refuses for good is given back (given_back_at),
-- and the next print run of its date prints it. A document is handed over at most once (the primary key).
create table document_post (
    authority_id   int not null,
    document_id    bigint not null,
    route          text not null check (route in ('NOTIFY')),
    handed_at      timestamptz not null,
    handed_by      text not null,
    given_back_at  timestamptz,
    given_back_why text,
    primary key (authority_id, document_id),
    foreign key (authority_id, document_id) references document (authority_id, id),
    check ((given_back_at is null) = (given_back_why is null))
);
-- what a council has handed over, for its print runs
create index document_post_open on document_post (authority_id, document_id) where given_back_at is null;
