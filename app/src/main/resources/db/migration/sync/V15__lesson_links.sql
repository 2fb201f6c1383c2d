-- Issue 18: what a journal's chat was told of a lesson held at a video link (a school whose messenger cannot start
-- calls, MAX): the link, in which chat, how the lesson was held then and when. One row per lesson; the lesson's
-- message is posted once per lesson and link (a changed link is said once more), and a lesson moved, switched to
-- in-person or cancelled after it is said so as for a call (told_* and changes_told as in sync.call, V9).
create table sync.lesson_link
(
    organization_id uuid      not null,
    journal_id      uuid      not null,
    lesson_id       uuid      not null,
    link            text      not null,
    links_told      integer   not null default 1,
    told_as         text      not null check (told_as in ('VIDEO_CALL', 'IN_PERSON', 'CANCELLED')),
    told_chat_id    bigint    not null,
    told_start      timestamp not null,
    told_end        timestamp not null,
    changes_told    integer   not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    primary key (organization_id, lesson_id)
);
create index lesson_link_journal_idx on sync.lesson_link (journal_id);

-- The link of an adopted chat as the messenger gives it (MAX: GET /chats/{id} link), read when it was adopted: shown
-- where a chat's invite link is (the journal, the diary's «Чаты»), for a messenger without invite links.
alter table sync.chat add column chat_link text;
