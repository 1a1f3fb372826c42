-- Each authority's daily event-messages run (notify.EventMessageRuns): the instance that claims the day runs it, so two
-- instances run a day's messages once; a claim left unfinished (the instance stopped) may be taken again after a while.
-- The messages' own keys keep a repeated run from queueing anything twice; this record only saves the repeated work.
create table notify_event_run (
    authority_id int not null references billing_authority (id),
    run_on       date not null,
    claimed_at   timestamptz not null,
    finished_at  timestamptz,
    queued       bigint,
    repeated     bigint,
    suppressed   bigint,
    primary key (authority_id, run_on)
);
