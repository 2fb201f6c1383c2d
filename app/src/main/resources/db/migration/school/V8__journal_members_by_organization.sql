-- The school's chat members without the city's: school.journal_pupil names each row's organization, and
-- school.sync_journal_member's pupils and parents take it from there, so a condition on the organization reaches the
-- tables through both unions (the journal's index) instead of joining every journal's pupils of the city to the
-- school's journals (docs/benchmarks.md, «Planning cost»). Same rows as before: a journal's pupils are its school's.
create or replace view school.journal_pupil as
select j.id as journal_id, p.id as pupil_id, j.organization_id
from school.journal j
         join school.pupil p on p.class_unit_id = j.class_unit_id and p.organization_id = j.organization_id
union all
select j.id, p.id, j.organization_id
from school.journal j
         join school.study_group_member gm on gm.study_group_id = j.study_group_id
         join school.pupil p on p.id = gm.pupil_id and p.organization_id = j.organization_id;

create or replace view school.sync_journal_member as
select jt.journal_id, j.organization_id, j.academic_year_id, 'TEACHER' as role, e.id as person_id,
       e.sferum_user_id, e.sferum_relink_required,
       e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name
from school.journal_teacher jt
         join school.journal j on j.id = jt.journal_id
         join school.employee e on e.id = jt.employee_id
union all
select j.id, jp.organization_id, j.academic_year_id, 'PUPIL', p.id, p.sferum_user_id, p.sferum_relink_required,
       p.last_name || ' ' || p.first_name || coalesce(' ' || p.middle_name, '')
from school.journal_pupil jp
         join school.journal j on j.id = jp.journal_id
         join school.pupil p on p.id = jp.pupil_id
union all
select distinct j.id, jp.organization_id, j.academic_year_id, 'PARENT', pa.id, pa.sferum_user_id,
                pa.sferum_relink_required,
                pa.last_name || ' ' || pa.first_name || coalesce(' ' || pa.middle_name, '')
from school.journal_pupil jp
         join school.journal j on j.id = jp.journal_id
         join school.chat_policy cp on cp.organization_id = jp.organization_id and cp.parents_in_chats
         join school.pupil_parent pp on pp.pupil_id = jp.pupil_id
         join school.parent pa on pa.id = pp.parent_id;
