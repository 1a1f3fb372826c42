-- "Who saw this account?" and "what did this user see?" are asked across authorities: index them without it.
create index access_audit_by_subject on access_audit (subject_type, subject_id, id desc);
create index access_audit_by_user on access_audit (username, id desc);
