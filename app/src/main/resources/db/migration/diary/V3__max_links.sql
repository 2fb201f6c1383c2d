-- Issue 18: teachers, pupils and parents link their MAX account from the diary's «Чаты»: a one-time start code in the
-- deep link https://max.ru/<bot>?start=<code>, which MAX hands to the school's bot as bot_started. Only the code's
-- SHA-256 is stored. One MAX account links to one person at most; one person has one MAX account.
create table diary.max_start_code
(
    code_hash       text primary key,
    person_id       uuid                     not null,
    person_kind     text                     not null check (person_kind in ('EMPLOYEE', 'PUPIL', 'PARENT')),
    organization_id uuid                     not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone
);
-- a new link replaces the person's unused one
create unique index max_start_code_open_idx on diary.max_start_code (person_id) where used_at is null;

create table diary.max_link
(
    person_id       uuid primary key,
    person_kind     text                     not null check (person_kind in ('EMPLOYEE', 'PUPIL', 'PARENT')),
    organization_id uuid                     not null,
    max_user_id     bigint                   not null,
    linked_at       timestamp with time zone not null
);
create unique index max_link_user_idx on diary.max_link (max_user_id);
