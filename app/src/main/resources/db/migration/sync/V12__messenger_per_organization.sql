-- Issue 18: each organization's messenger, as «База ссылок» holds it (linkbase.sferum_community.messenger), for the
-- set-based planner: a kind of operation the organization's messenger cannot do is not planned for it, and the
-- member id is the account of that messenger. Kept by Readiness with the community.
alter table sync.organization
    add column messenger text not null default 'VK' check (messenger in ('VK', 'MAX'));

-- Messages a messenger without an idempotency key was asked to post (MAX): the row is written before the message is
-- sent, its mid once the messenger answered. A row without mid is an attempt whose answer was lost: the next attempt
-- looks for the message in the chat before it sends again, so a retry never posts twice.
create table sync.sent_message (
    community_id bigint                   not null,
    chat_id      bigint                   not null,
    dedupe_key   bigint                   not null,
    mid          text,
    attempted_at timestamp with time zone not null,
    sent_at      timestamp with time zone,
    primary key (community_id, chat_id, dedupe_key)
);
-- the mids already ours: a message found in the chat for a lost answer is none of these
create index sent_message_chat_idx on sync.sent_message (chat_id) where mid is not null;
