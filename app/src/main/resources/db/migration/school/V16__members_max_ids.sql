-- Issue 18: the chat members and substitutes with their MAX account beside the VK one; the membership planner takes
-- the id of the school's messenger (sync.organization.messenger). New columns go last: «create or replace view» only
-- appends.
create or replace view school.sync_journal_member as
select jt.journal_id, j.organization_id, j.academic_year_id, 'TEACHER' as role, e.id as person_id,
       e.sferum_user_id, e.sferum_relink_required,
       e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name,
       e.max_user_id
from school.journal_teacher jt
         join school.journal j on j.id = jt.journal_id
         join school.employee e on e.id = jt.employee_id
union all
select j.id, jp.organization_id, j.academic_year_id, 'PUPIL', p.id, p.sferum_user_id, p.sferum_relink_required,
       p.last_name || ' ' || p.first_name || coalesce(' ' || p.middle_name, ''), p.max_user_id
from school.journal_pupil jp
         join school.journal j on j.id = jp.journal_id
         join school.pupil p on p.id = jp.pupil_id
union all
select distinct j.id, jp.organization_id, j.academic_year_id, 'PARENT', pa.id, pa.sferum_user_id,
                pa.sferum_relink_required,
                pa.last_name || ' ' || pa.first_name || coalesce(' ' || pa.middle_name, ''), pa.max_user_id
from school.journal_pupil jp
         join school.journal j on j.id = jp.journal_id
         join school.chat_policy cp on cp.organization_id = jp.organization_id and cp.parents_in_chats
         join school.pupil_parent pp on pp.pupil_id = jp.pupil_id
         join school.parent pa on pa.id = pp.parent_id;

create or replace view school.sync_lesson_substitute as
select l.id as lesson_id, l.journal_id, l.organization_id, l.lesson_date, l.starts_at, l.duration_minutes,
       l.publication, e.id as employee_id, e.sferum_user_id, e.sferum_relink_required,
       e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name,
       e.max_user_id
from school.lesson l
         join school.employee e on e.id = l.substitute_employee_id;
