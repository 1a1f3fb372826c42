-- A council's de minimis threshold per stage: the run does not issue a stage for less than this (many councils do not
-- remind for a few pounds or summons for less than a set sum). Council policy, not law: none by default. Part of a
-- path version, so every change has its reason, who and when.
alter table recovery_path_stage add column minimum_pence bigint check (minimum_pence >= 0);
