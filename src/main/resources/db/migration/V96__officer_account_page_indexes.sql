-- The officer's account page reads everything about one account by (authority_id, account_id); three of its reads
-- had no index leading with those columns, so each went through all of an authority's rows of the table:
-- the recovery_timeline view's (V90) passed-over run lines (the existing account index covers only PROPOSED lines)
-- and court outcomes (whose key leads with the hearing), and the account's latest mandate when none is live (the
-- live-mandate index covers only mandates not cancelled; most accounts have none at all).
create index recovery_line_passed_over on recovery_line (authority_id, account_id) where state = 'PASSED_OVER';
create index court_outcome_account on court_outcome (authority_id, account_id);
create index mandate_account on mandate (authority_id, account_id, id);
