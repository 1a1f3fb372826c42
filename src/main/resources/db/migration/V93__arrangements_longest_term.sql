-- The longest an authority lets an arrangement run (its policy, e.g. "clear within 12 months"): an arrangement that
-- would take longer is made only with the officer's reason, kept on it. No limit unless the administrator sets one.
alter table arrangement_policy add column longest_term_months int check (longest_term_months between 1 and 120);
alter table arrangement add column longer_term_reason text;
