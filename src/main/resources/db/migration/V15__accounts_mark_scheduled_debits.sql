-- A debit whose due dates are set by a schedule held elsewhere (a bill's instalment plan): arrears read the schedule
-- for it instead of its due_on.
alter table ledger_entry add column scheduled boolean not null default false;
