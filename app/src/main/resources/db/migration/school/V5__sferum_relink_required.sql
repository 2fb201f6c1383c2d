-- The staff file shows when the teacher's VK ID link stopped working and has to be made again (the diary data
-- transfer brings it, like the account itself). Readiness counts such a teacher as not linked.
alter table school.employee add column sferum_relink_required boolean not null default false;

-- The planner's and the run report's view of teachers gains the flag (a column added at the end).
create or replace view school.sync_journal_teacher as
select jt.journal_id,
       e.id               as employee_id,
       e.organization_id,
       e.sferum_user_id,
       e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name,
       e.sferum_relink_required
from school.journal_teacher jt
         join school.employee e on e.id = jt.employee_id;
