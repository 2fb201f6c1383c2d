-- The chat's real members, checked (issue 15): the scheduled run reads each chat's members from the messenger.
-- Who is there and does not belong (not a teacher, pupil or parent of the journal with that VK account, not someone
-- the engine put in, not the community itself) is a stranger («посторонний»), kept per chat with the name VK gives.
create table sync.chat_stranger
(
    organization_id  uuid                     not null,
    journal_id       uuid                     not null,
    academic_year_id uuid                     not null,
    vk_user_id       bigint                   not null,
    name             text,
    first_seen_at    timestamp with time zone not null,
    last_seen_at     timestamp with time zone not null,
    -- when the community took them out; null while they are in the chat (or left on their own)
    removed_at       timestamp with time zone,
    primary key (organization_id, journal_id, academic_year_id, vk_user_id)
);
create index chat_stranger_organization_idx on sync.chat_stranger (organization_id) where removed_at is null;

-- When the chat's members were last read: a stranger seen then and not removed is in the chat now.
alter table sync.chat add column members_checked_at timestamp with time zone;

-- Someone the engine put in whom the messenger no longer lists: they left on their own (LEFT). As long as they
-- belong, the next planning puts them in again (docs/architecture.md, «Состав чата»).
alter table sync.chat_member drop constraint chat_member_state_check;
alter table sync.chat_member add constraint chat_member_state_check
    check (state in ('ACTIVE', 'REMOVED', 'FAILED', 'LEFT'));
