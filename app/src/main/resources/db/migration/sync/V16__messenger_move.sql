-- Issue 18, a school's move from VK to MAX (and back): a journal has one chat per academic year in sync.chat, the
-- chat of the school's messenger now. The chat of the messenger the school left is kept here as the journal's
-- previous chat, with the members the engine had put into it: neither archived nor deleted, nothing done in it by the
-- engine except, once, the closing message pointing to the journal's chat in the new messenger. Moving back swaps the
-- two again, so nothing is created twice.
create table sync.previous_chat
(
    organization_id  uuid                     not null,
    journal_id       uuid                     not null,
    academic_year_id uuid                     not null,
    messenger        text                     not null check (messenger in ('VK', 'MAX')),
    community_id     bigint                   not null,
    chat_id          bigint                   not null,
    title            text                     not null,
    invite_link      text,
    invite_link_at   timestamp with time zone,
    chat_link        text,                              -- the chat's link as a messenger without invite links gives it
    adopted_at       timestamp with time zone,
    created_at       timestamp with time zone not null,
    left_at          timestamp with time zone not null, -- when the school left this chat's messenger
    closed_at        timestamp with time zone,          -- the closing message was posted in it
    -- one per messenger: moving to and fro swaps a journal's chat of each messenger between here and sync.chat
    primary key (organization_id, journal_id, academic_year_id, messenger)
);

create table sync.previous_chat_member
(
    organization_id  uuid                     not null,
    journal_id       uuid                     not null,
    academic_year_id uuid                     not null,
    messenger        text                     not null check (messenger in ('VK', 'MAX')),
    vk_user_id       bigint                   not null, -- the member's id in the previous chat's messenger
    person_id        uuid,
    role             text                     not null,
    state            text                     not null,
    problem          text,
    updated_at       timestamp with time zone not null,
    primary key (organization_id, journal_id, academic_year_id, messenger, vk_user_id)
);

-- A chat people made and bound by a code is adopted once the bot took it over (renamed, greeted): only then is the
-- journal's previous chat told where the chat moved.
alter table sync.chat add column adopted_at timestamp with time zone;
