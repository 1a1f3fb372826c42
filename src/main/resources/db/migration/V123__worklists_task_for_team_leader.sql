-- A task a team leader decides (a write-off recommendation): officers see it, only team leaders take and complete it.
alter table worklist_task add column for_team_leader boolean not null default false;
