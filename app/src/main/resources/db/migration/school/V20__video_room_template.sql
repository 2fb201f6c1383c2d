-- Issue 18: a school whose messenger cannot start calls (MAX) chooses where its lessons' video links come from: the
-- link a teacher pastes on the lesson (video_room_template null, the default), or a standing room per journal of an
-- external video service, given as a URL template whose {journal} is replaced by the journal's id (https, to an
-- allowed host: checked by the application). A link pasted on a lesson overrides the template.
alter table school.chat_policy
    add column video_room_template text check (video_room_template ~ '^https://' and length(video_room_template) <= 500
                                               and position('{journal}' in video_room_template) > 0);

-- The engine's view of lessons gains lesson_link (a column added at the end): the link the lesson is held at for a
-- school without calls, the pasted one or else the journal's standing room. Reading it alone joins chat_policy (a
-- left join on its key, which PostgreSQL leaves out where the column is not read).
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
       l.video_link,
       coalesce(l.video_link, replace(cp.video_room_template, '{journal}', cast(l.journal_id as text))) as lesson_link
from school.lesson l
left join school.chat_policy cp on cp.organization_id = l.organization_id;
