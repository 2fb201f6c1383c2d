-- What a subject chat was last told of a lesson (issue 17): held by video call at a time (its call announced), in
-- person, or cancelled, in which chat, and how many changes it was told of. A lesson moved, withdrawn or switched to
-- in-person after its call was announced is said so in that chat once (docs/architecture.md, «Изменения урока»).
-- Times are the school's (Moscow) local times, as the lesson's date and start are.
alter table sync.call
    add column told_as      text check (told_as in ('VIDEO_CALL', 'IN_PERSON', 'CANCELLED')),
    add column told_chat_id bigint,
    add column told_start   timestamp,
    add column told_end     timestamp,
    add column changes_told integer not null default 0;

-- Calls announced before: the chat is taken to know the lesson as it is now, so that nothing of the past is said.
update sync.call k
set told_as      = case
                       when l.lesson_id is null or l.publication <> 'PUBLISHED' then 'CANCELLED'
                       when l.format <> 'VIDEO_CALL' then 'IN_PERSON'
                       else 'VIDEO_CALL' end,
    told_chat_id = c.chat_id,
    told_start   = l.lesson_date + l.starts_at,
    told_end     = l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes)
from sync.call k2
         left join school.sync_lesson l on l.lesson_id = k2.lesson_id
         left join school.sync_journal j on j.journal_id = k2.journal_id
         left join sync.chat c on c.organization_id = k2.organization_id and c.journal_id = k2.journal_id
    and c.academic_year_id = j.academic_year_id and c.state = 'ACTIVE'
where k.organization_id = k2.organization_id and k.lesson_id = k2.lesson_id and k.announced;
