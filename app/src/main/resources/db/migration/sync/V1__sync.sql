-- The synchronization engine: what the messenger should have (planned from school data), what it has (the
-- ledger of external objects with stable keys) and the work in between (a queue of operations).
create schema if not exists sync;

-- Per organization: its community and whether the engine may act for it.
create table sync.organization
(
    organization_id uuid primary key,
    community_id    bigint,
    -- verified credentials and an enabled SFERUM_SYNC task
    ready           boolean not null default false,
    -- a credential failure stops all work of the organization until new credentials are verified
    paused_reason   text,
    paused_at       timestamp with time zone,
    updated_at      timestamp with time zone not null
);

-- Subject chats. One external chat per (organization, journal, academic year), forever (DESIGN §4).
-- CREATING is written before messages.createChat is called: after a crash the chat is looked up and adopted.
create table sync.chat
(
    organization_id  uuid   not null,
    journal_id       uuid   not null,
    academic_year_id uuid   not null,
    community_id     bigint not null,
    title            text   not null,
    state            text   not null check (state in ('CREATING', 'ACTIVE', 'FAILED')),
    chat_id          bigint,
    invite_link      text,
    problem          text,
    problem_category text,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    primary key (organization_id, journal_id, academic_year_id),
    check (state <> 'ACTIVE' or chat_id is not null)
);
create unique index chat_external_idx on sync.chat (community_id, chat_id) where chat_id is not null;
create index chat_journal_idx on sync.chat (journal_id);

-- The teachers the engine put into a chat (pupils and parents join by the invite link and are not tracked).
create table sync.chat_member
(
    organization_id  uuid   not null,
    journal_id       uuid   not null,
    academic_year_id uuid   not null,
    vk_user_id       bigint not null,
    state            text   not null check (state in ('ACTIVE', 'REMOVED')),
    updated_at       timestamp with time zone not null,
    primary key (organization_id, journal_id, academic_year_id, vk_user_id)
);

-- Video calls of lessons. One live call per (organization, lesson); a lesson published again after its call
-- was finished gets a new generation. STARTING is written before calls.start is called.
create table sync.call
(
    organization_id     uuid    not null,
    lesson_id           uuid    not null,
    journal_id          uuid    not null,
    generation          integer not null default 1,
    state               text    not null check (state in ('STARTING', 'ACTIVE', 'FINISHED', 'FAILED')),
    call_id             text,
    join_link           text,
    started_by_employee uuid,
    started_by_vk_user  bigint,
    announced           boolean not null default false,
    -- attempts of calls.start whose answer was lost: VK offers no way to find such a call again
    unconfirmed_starts  integer not null default 0,
    problem             text,
    problem_category    text,
    problem_link        text,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    primary key (organization_id, lesson_id),
    check (state <> 'ACTIVE' or (call_id is not null and join_link is not null))
);
create index call_journal_idx on sync.call (journal_id);

-- The queue. At most one open operation per (kind, object): planning twice, by events and by a run, or on two
-- nodes, enqueues once. Workers claim with FOR UPDATE SKIP LOCKED under a lease of the operation's community.
create table sync.operation
(
    id               bigint generated always as identity primary key,
    organization_id  uuid    not null,
    community_id     bigint  not null,
    kind             text    not null,
    object_key       text    not null,
    payload          jsonb   not null default '{}',
    status           text    not null check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamp with time zone not null,
    locked_by        text,
    locked_until     timestamp with time zone,
    problem          text,
    problem_category text,
    problem_link     text,
    run_id           uuid,
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone
);
create unique index operation_open_idx on sync.operation (kind, object_key) where status in ('PENDING', 'RUNNING');
create index operation_due_idx on sync.operation (community_id, next_attempt_at, id) where status = 'PENDING';
create index operation_running_idx on sync.operation (locked_until) where status = 'RUNNING';
create index operation_run_idx on sync.operation (run_id) where run_id is not null;
create index operation_organization_idx on sync.operation (organization_id, status);

-- Which node works for which community: one at a time, so per-community order and VK's per-token rate limit
-- hold across nodes. A lease that is not renewed expires and another node takes over.
create table sync.community_lease
(
    community_id bigint primary key,
    owner        text not null,
    lease_until  timestamp with time zone not null
);
