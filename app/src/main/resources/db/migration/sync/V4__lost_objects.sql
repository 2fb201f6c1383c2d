-- What VK lost (DESIGN §4, "the ledger is a belief, not the truth"): a chat that VK no longer has is marked LOST,
-- shown as such, and replaced by a new chat at the next video lesson; the calls of its journal are announced again.
alter table sync.chat drop constraint chat_state_check;
alter table sync.chat add constraint chat_state_check check (state in ('CREATING', 'ACTIVE', 'FAILED', 'LOST'));
alter table sync.chat add column lost_at timestamp with time zone;

-- Every chat VK lost, for the record (and to stop replacing the chats of a journal that VK keeps losing).
-- (A VK that forgot everything numbers chats afresh: the same chat id can be lost twice.)
create table sync.lost_chat
(
    id               bigint generated always as identity primary key,
    community_id     bigint not null,
    chat_id          bigint not null,
    organization_id  uuid   not null,
    journal_id       uuid   not null,
    academic_year_id uuid   not null,
    title            text   not null,
    lost_at          timestamp with time zone not null
);
create index lost_chat_community_idx on sync.lost_chat (community_id, chat_id);
create index lost_chat_journal_idx on sync.lost_chat (organization_id, journal_id);
