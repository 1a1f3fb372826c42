-- A referral to a debt adviser may hold recovery while the customer gets advice (issue 6, support module). Like every
-- hold it stops escalation; it is not a statutory breathing space (SI 2020/1311), so it does not bar costs.
alter table recovery_hold drop constraint recovery_hold_hold_type_check;
alter table recovery_hold add constraint recovery_hold_hold_type_check
    check (hold_type in ('BREATHING_SPACE_STANDARD', 'BREATHING_SPACE_MENTAL_HEALTH', 'DISPUTE', 'APPEAL', 'CTR_CLAIM_PENDING',
                         'VULNERABILITY_REVIEW', 'DECEASED', 'INSOLVENCY', 'ARRANGEMENT', 'DEBT_ADVICE'));
