-- Issue 18: the engine's view of lessons gains the link a teacher pasted (a column added at the end): for a school
-- whose messenger cannot start calls, it is the lesson's call link in the journal and the diary.
create or replace view school.sync_lesson as
select l.id as lesson_id,
       l.journal_id,
       l.organization_id,
       l.lesson_date,
       l.starts_at,
       l.duration_minutes,
       l.topic,
       l.format,
       l.publication,
       l.video_link
from school.lesson l;
