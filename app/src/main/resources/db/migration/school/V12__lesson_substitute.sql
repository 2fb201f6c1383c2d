-- A lesson given to another teacher of the school («замена»): the substitute holds this one lesson, starts its call
-- and is in the journal's chat for the lesson's day (docs/architecture.md, «Замена»). Null: the journal's teachers.
alter table school.lesson
    add column substitute_employee_id uuid references school.employee (id) on delete set null;
create index lesson_substitute_idx on school.lesson (organization_id, lesson_date)
    where substitute_employee_id is not null;

-- The read contract of substitutes for the synchronization: who holds which lesson, with the VK account.
create view school.sync_lesson_substitute as
select l.id as lesson_id, l.journal_id, l.organization_id, l.lesson_date, l.starts_at, l.duration_minutes,
       l.publication, e.id as employee_id, e.sferum_user_id, e.sferum_relink_required,
       e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name
from school.lesson l
         join school.employee e on e.id = l.substitute_employee_id;
