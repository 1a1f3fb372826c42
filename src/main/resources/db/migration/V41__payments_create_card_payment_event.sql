-- Each state GOV.UK Pay reported for a card payment, when, and how Reclaim heard it ('create', 'status-check' or
-- 'webhook'): the history behind card_payment's current state. Append-only.
create table card_payment_event (
    authority_id    int not null,
    card_payment_id bigint not null,
    line            smallint not null check (line >= 1),
    status          text not null check (status in ('created', 'started', 'submitted', 'capturable', 'success', 'failed', 'cancelled', 'error')),
    failure_code    text,
    failure_message text,
    heard_via       text not null check (heard_via in ('create', 'status-check', 'webhook')),
    recorded_at     timestamptz not null,
    recorded_by     text not null,
    primary key (authority_id, card_payment_id, line),
    foreign key (authority_id, card_payment_id) references card_payment (authority_id, id)
);

create trigger card_payment_event_append_only before update or delete on card_payment_event
    for each row execute function forbid_update_or_delete();
