-- An instalment plan is kept on its bill as two arrays, the due dates and the amounts in pence, in instalment order:
-- one row per bill instead of one per instalment. The annual billing run writes a million plans; as rows that was ten
-- million inserts, as arrays it is part of the bill's own row. A plan is still data, read back as it was issued.
alter table bill add column instalment_due_on date[], add column instalment_pence bigint[];

alter table bill disable trigger bill_append_only;
update bill b
set instalment_due_on = coalesce((select array_agg(i.due_on order by i.number) from instalment i
                                  where i.authority_id = b.authority_id and i.bill_id = b.id), '{}'),
    instalment_pence  = coalesce((select array_agg(i.amount_pence order by i.number) from instalment i
                                  where i.authority_id = b.authority_id and i.bill_id = b.id), '{}');
alter table bill enable trigger bill_append_only;

alter table bill
    alter column instalment_due_on set not null,
    alter column instalment_pence set not null,
    add constraint bill_plan_pairs check (cardinality(instalment_due_on) = cardinality(instalment_pence)
                                          and array_position(instalment_due_on, null) is null
                                          and array_position(instalment_pence, null) is null),
    add constraint bill_plan_not_negative check (0 <= all (instalment_pence));

drop table instalment;

-- One first bill per account and year; every later bill of the year supersedes one. This is what lets the annual
-- billing run be repeated without charging anyone twice.
create unique index bill_first_of_year on bill (authority_id, account_id, financial_year) where supersedes_bill_id is null;

-- Only rebills supersede; first bills (nearly every row after an annual run) need no entry in that index.
alter table bill drop constraint bill_authority_id_supersedes_bill_id_key;
create unique index bill_superseded_once on bill (authority_id, supersedes_bill_id) where supersedes_bill_id is not null;
