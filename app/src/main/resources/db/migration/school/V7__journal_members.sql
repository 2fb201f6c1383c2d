-- Who belongs in a journal's subject chat (DESIGN §4, issue 15), and the school's choices about its chats.

-- Per school: whether parents join their children's subject chats (default off) and whether people who do not
-- belong («посторонние») are removed from them (default on). A school without a row has the defaults.
create table school.chat_policy
(
    organization_id  uuid primary key references school.organization (id),
    parents_in_chats boolean                  not null default false,
    remove_strangers boolean                  not null default true,
    updated_at       timestamp with time zone not null,
    updated_by       text
);

-- The pupils a journal teaches: its class's, or its study group's.
create view school.journal_pupil as
select j.id as journal_id, p.id as pupil_id
from school.journal j
         join school.pupil p on p.class_unit_id = j.class_unit_id and p.organization_id = j.organization_id
union all
select j.id, p.id
from school.journal j
         join school.study_group_member gm on gm.study_group_id = j.study_group_id
         join school.pupil p on p.id = gm.pupil_id and p.organization_id = j.organization_id;

-- The planner's read contract: one row per person who belongs in the journal's chat, with the VK account the
-- diary's transfer brought (null while not linked): the journal's teachers, its pupils and, where the school wants
-- them, those pupils' parents (once per journal, however many of their children it teaches).
create view school.sync_journal_member as
select jt.journal_id, j.organization_id, j.academic_year_id, 'TEACHER' as role, e.id as person_id,
       e.sferum_user_id, e.sferum_relink_required,
       e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name
from school.journal_teacher jt
         join school.journal j on j.id = jt.journal_id
         join school.employee e on e.id = jt.employee_id
union all
select j.id, j.organization_id, j.academic_year_id, 'PUPIL', p.id, p.sferum_user_id, p.sferum_relink_required,
       p.last_name || ' ' || p.first_name || coalesce(' ' || p.middle_name, '')
from school.journal_pupil jp
         join school.journal j on j.id = jp.journal_id
         join school.pupil p on p.id = jp.pupil_id
union all
select distinct j.id, j.organization_id, j.academic_year_id, 'PARENT', pa.id, pa.sferum_user_id,
                pa.sferum_relink_required,
                pa.last_name || ' ' || pa.first_name || coalesce(' ' || pa.middle_name, '')
from school.journal_pupil jp
         join school.journal j on j.id = jp.journal_id
         join school.chat_policy cp on cp.organization_id = j.organization_id and cp.parents_in_chats
         join school.pupil_parent pp on pp.pupil_id = jp.pupil_id
         join school.parent pa on pa.id = pp.parent_id;
