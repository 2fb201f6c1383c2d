-- VK ID links of teachers (the diary's part of the seed's step 3). Secrets are sealed by the application
-- (AES-256-GCM, see the secrets module) before they reach these tables: the database never holds them in clear.
-- Ids of accounts, employees and organizations are references by value: no foreign keys across modules.
create schema if not exists diary;

-- An authorization started with «Привязать к VK ID» and not yet finished: the callback may reach any node.
create table diary.vkid_authorization
(
    state           text primary key check (state ~ '^[A-Za-z0-9_-]{32,}$'),
    account_id      uuid                     not null,
    employee_id     uuid                     not null,
    organization_id uuid                     not null,
    code_verifier   text                     not null, -- sealed, context vkid-verifier:<state>
    redirect_uri    text                     not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone
);
create index vkid_authorization_expiry_idx on diary.vkid_authorization (expires_at);

-- A teacher's linked VK account and the user tokens that act on the teacher's behalf (DESIGN §5.6).
create table diary.vk_link
(
    employee_id       uuid primary key,
    organization_id   uuid                     not null,
    account_id        uuid                     not null,
    vk_user_id        bigint                   not null check (vk_user_id > 0),
    access_token      text                     not null, -- sealed, context vk-access-token:<employee>
    access_expires_at timestamp with time zone not null,
    refresh_token     text                     not null, -- sealed, context vk-refresh-token:<employee>
    device_id         text                     not null,
    scope             text                     not null,
    linked_at         timestamp with time zone not null,
    refreshed_at      timestamp with time zone,
    relink_required   boolean                  not null default false
);
-- One VK account links to one teacher at most.
create unique index vk_link_vk_user_idx on diary.vk_link (vk_user_id);
