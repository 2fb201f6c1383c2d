-- Issue 18: MAX updates are stored before they are acted on (docs/architecture.md, «MAX updates: inbox, lease,
-- webhook»).
--
-- The inbox: every update MAX gave a bot, by long poll or webhook, as received. MAX updates carry no id, and the same
-- update may come twice — a webhook delivery MAX repeats because our answer was lost, or a long-poll batch read again
-- after a crash between storing it and saving the marker — so the key is derived from what identifies the event:
-- its type, MAX's timestamp (ms), the chat, the user it is about, the inviter/admin, the message's mid, and a hash of
-- the payload/title (MaxUpdateKey). Two different events never share all of these; the same event always does (a
-- repeated delivery may carry refreshed names, so the key leaves names out).
create table sync.max_update
(
    id              bigserial primary key,
    bot_user_id     bigint      not null,
    organization_id uuid        not null,
    dedupe_key      text        not null,
    update_type     text        not null,
    body            json        not null, -- json, not jsonb: kept as received
    via             text        not null check (via in ('LONG_POLL', 'WEBHOOK')),
    received_at     timestamptz not null,
    handled_at      timestamptz,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    parked_at       timestamptz,
    constraint max_update_once unique (bot_user_id, dedupe_key)
);

-- the dispatcher's queue: a bot's unhandled, unparked updates in the order MAX gave them
create index max_update_due on sync.max_update (bot_user_id, id) where handled_at is null and parked_at is null;
create index max_update_handled on sync.max_update (handled_at) where handled_at is not null;

-- Per bot: how its updates are received. Long poll: the marker of the next GET /updates and the lease of the one
-- node that polls (taken over after expiry when that node dies). Webhook: the subscribed URL and a SHA-256 hash of the
-- generated secret — the application only ever compares the header with it, so it keeps no way to read it back.
-- The batch's updates and the new marker are stored in one transaction.
create table sync.max_bot_feed
(
    bot_user_id         bigint primary key,
    organization_id     uuid        not null,
    marker              bigint,
    owner               text,
    lease_until         timestamptz,
    webhook_url         text,
    webhook_secret_hash bytea,
    subscribed_at       timestamptz,
    check ((webhook_url is null) = (webhook_secret_hash is null))
);
