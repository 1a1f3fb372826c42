-- A LETTER in the outbox is a stored document, posted through GOV.UK Notify as a precompiled letter: one message per
-- document (the partial unique index), so a repeated or resumed posting run queues no letter twice.
alter table notify_message add column document_id bigint;
alter table notify_message add constraint notify_message_document_fk
    foreign key (authority_id, document_id) references document (authority_id, id);
alter table notify_message add constraint notify_message_letter_has_document
    check ((channel = 'LETTER') = (document_id is not null));
create unique index notify_message_document on notify_message (authority_id, document_id) where document_id is not null;
-- the day's letter allowance: LETTER messages queued in the day
create index notify_message_letters_queued on notify_message (authority_id, queued_at) where channel = 'LETTER';
