-- What the court (or the authority, before the hearing) decided for each case listed: once per listing, so recording
-- the same outcomes again writes nothing. A liability order granted is also the LIABILITY_ORDER recovery action (with
-- its costs and the liability order notice); costs withdrawn are a COSTS_WITHDRAWN action with a correcting entry.
create table court_outcome (
    authority_id     int not null,
    hearing_id       bigint not null,
    account_id       bigint not null,
    financial_year   smallint not null,
    outcome          text not null check (outcome in ('LIABILITY_ORDER_GRANTED', 'WITHDRAWN', 'ADJOURNED', 'PAID_BEFORE_HEARING')),
    adjourned_to_hearing_id bigint,
    -- what the account's year owed when the outcome was recorded (arrears and costs)
    owed_pence       bigint not null,
    -- liability order costs added (positive) or summons costs withdrawn (negative)
    costs_pence      bigint not null default 0,
    -- the recovery action the outcome issued, if any (LIABILITY_ORDER, COSTS_WITHDRAWN)
    action_id        bigint,
    rule             text not null,
    recorded_at      timestamptz not null,
    recorded_by      text not null,
    primary key (authority_id, hearing_id, account_id, financial_year),
    foreign key (authority_id, hearing_id, account_id, financial_year)
        references court_listing (authority_id, hearing_id, account_id, financial_year),
    foreign key (authority_id, adjourned_to_hearing_id) references court_hearing (authority_id, id),
    foreign key (authority_id, action_id) references recovery_action (authority_id, id),
    check ((outcome = 'ADJOURNED') = (adjourned_to_hearing_id is not null))
);

create trigger court_outcome_append_only before update or delete on court_outcome
    for each row execute function forbid_update_or_delete();

-- The recovery timeline gains the court's outcomes (dated the hearing day). Same columns as V56.
create or replace view recovery_timeline as
select a.authority_id, a.account_id, a.financial_year, a.issued_on as happened_on, 'ACTION' as kind, a.code as what,
       a.rule, case when a.run_id is null then a.issued_by else 'recovery run ' || a.run_id || ' (' || a.issued_by || ')' end as who,
       a.amount_pence, a.costs_pence
from recovery_action a
union all
select h.authority_id, h.account_id, null, h.starts_on, 'HOLD_PLACED', h.hold_type, h.reason, h.created_by, null, null
from recovery_hold h
union all
select h.authority_id, h.account_id, null, h.ended_on, 'HOLD_ENDED', h.hold_type, h.end_reason, h.ended_by, null, null
from recovery_hold h where h.ended_on is not null
union all
select l.authority_id, l.account_id, l.financial_year, r.business_date, 'PASSED_OVER', l.stage_code, l.note,
       'recovery run ' || l.run_id, l.amount_pence, null
from recovery_line l join recovery_run r on r.authority_id = l.authority_id and r.id = l.run_id
where l.state = 'PASSED_OVER'
union all
select o.authority_id, o.account_id, o.financial_year, h.hearing_on, 'COURT_OUTCOME', o.outcome, o.rule,
       o.recorded_by, o.owed_pence, o.costs_pence
from court_outcome o join court_hearing h on h.authority_id = o.authority_id and h.id = o.hearing_id;
