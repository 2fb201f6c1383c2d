-- The school module's read contract for set-based consumers (the synchronization planner): views, not tables,
-- so that the tables can change without breaking the planner. Only what the planner needs.

-- Journals with the title their subject chat gets: «<Предмет> <Класс>», e.g. «Алгебра 7А».
create view school.sync_journal as
select j.id                                                 as journal_id,
       j.organization_id,
       j.academic_year_id,
       j.kind,
       j.subject_chat_requested,
       s.name || ' ' || coalesce(c.grade || c.letter, g.title) as chat_title
from school.journal j
         join school.subject s on s.id = j.subject_id
         left join school.class_unit c on c.id = j.class_unit_id
         left join school.study_group g on g.id = j.study_group_id;

-- Teachers of journals with their Sferum account once linked.
create view school.sync_journal_teacher as
select jt.journal_id,
       e.id               as employee_id,
       e.organization_id,
       e.sferum_user_id,
       e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name
from school.journal_teacher jt
         join school.employee e on e.id = jt.employee_id;

-- Lessons as the planner sees them.
create view school.sync_lesson as
select l.id as lesson_id,
       l.journal_id,
       l.organization_id,
       l.lesson_date,
       l.starts_at,
       l.duration_minutes,
       l.topic,
       l.format,
       l.publication
from school.lesson l;

create index lesson_video_idx on school.lesson (journal_id) where format = 'VIDEO_CALL' and publication = 'PUBLISHED';
