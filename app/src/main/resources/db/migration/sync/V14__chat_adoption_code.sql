-- Issue 18: a chat made in MAX is bound to a journal by a one-time code that a teacher or the school admin sends in
-- the chat (the bot cannot create chats). Only the code's SHA-256 is stored: it is a bearer code until used.
create table sync.chat_adoption_code
(
    code_hash        text primary key,
    organization_id  uuid                     not null,
    journal_id       uuid                     not null,
    academic_year_id uuid                     not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone,
    used_by_chat     bigint,
    check ((used_at is null) = (used_by_chat is null))
);
-- one open code per journal and year: a new one replaces the old unused one
create unique index chat_adoption_code_open_idx on sync.chat_adoption_code (organization_id, journal_id, academic_year_id)
    where used_at is null;
