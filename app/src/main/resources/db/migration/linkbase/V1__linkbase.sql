-- «База ссылок»: per organization its Sferum community, with the community access token sealed (AES-GCM,
-- secrets.SecretBox; the key is never in the database) and the verdict of the last verification; and previews of the
-- city's hand-down files, their tokens sealed too, until they expire. Organization ids refer to school.organization
-- by value: no foreign keys across modules.
create schema if not exists linkbase;

create table linkbase.sferum_community
(
    organization_id uuid primary key, -- at most one community per organization
    community_id    bigint                   not null check (community_id > 0),
    community_name  text,
    token           text                     not null, -- sealed with context 'sferum-community-token:<organization_id>'
    token_masked    text                     not null, -- what pages show: vk1.a.****…9f3c
    state           text                     not null check (state in ('VERIFIED', 'UNVERIFIED', 'FAILED')),
    failure         text,                              -- the reason of a FAILED verdict
    verdict_at      timestamp with time zone,          -- the last definite verdict (VERIFIED or FAILED)
    attempted_at    timestamp with time zone,          -- the last attempt to verify, whatever came of it
    failed_attempts integer                  not null default 0,
    next_check_at   timestamp with time zone,          -- when the re-verification job takes UNVERIFIED credentials
    saved_at        timestamp with time zone not null,
    saved_by        text                     not null,
    version         integer                  not null default 0,
    constraint sferum_community_failure check ((state = 'FAILED') = (failure is not null)),
    constraint sferum_community_recheck check ((state = 'UNVERIFIED') = (next_check_at is not null))
);
-- A community belongs to one school.
create unique index sferum_community_community_idx on linkbase.sferum_community (community_id);
create index sferum_community_due_idx on linkbase.sferum_community (next_check_at) where state = 'UNVERIFIED';

-- A hand-down file as previewed: only its uploader sees and applies it, once.
create table linkbase.handdown
(
    id           uuid primary key,
    account_id   uuid                     not null,
    file_name    text                     not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    status       text                     not null check (status in ('VERIFYING', 'READY', 'APPLIED')),
    heartbeat_at timestamp with time zone not null, -- the verification's last progress; stale ones are taken over
    applied_at   timestamp with time zone,
    constraint handdown_applied check ((status = 'APPLIED') = (applied_at is not null))
);
create index handdown_expiry_idx on linkbase.handdown (expires_at);

create table linkbase.handdown_row
(
    handdown_id       uuid    not null references linkbase.handdown (id) on delete cascade,
    line              integer not null,
    organization_code text    not null,
    organization_id   uuid,
    organization_name text,
    community_id_text text    not null, -- as written in the file
    community_id      bigint,
    token             text,             -- sealed with context 'linkbase-handdown:<handdown_id>:<line>'; erased on apply
    token_masked      text    not null,
    outcome           text    not null check (outcome in ('PENDING', 'VERIFIED', 'UNVERIFIED', 'ERROR')),
    message           text,             -- why the row is an error, or a note on it
    community_name    text,
    verified_at       timestamp with time zone,
    primary key (handdown_id, line)
);
