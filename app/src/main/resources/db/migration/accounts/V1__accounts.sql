-- Who can log in, with which role, and to which organization or district the account is scoped.
-- The ids of school data are references by value: no foreign keys across modules.
create schema if not exists accounts;

create table accounts.user_account
(
    id              uuid primary key,
    username        text    not null,
    password_hash   text    not null,
    role            text    not null check (role in ('CITY_OPERATOR', 'DISTRICT_OPERATOR', 'SCHOOL_ADMIN',
                                                     'TEACHER', 'PUPIL', 'PARENT')),
    display_name    text    not null,
    district_id     uuid,
    organization_id uuid,
    employee_id     uuid,
    pupil_id        uuid,
    parent_id       uuid,
    enabled         boolean not null default true,
    created_at      timestamp with time zone not null default now(),
    check (role <> 'DISTRICT_OPERATOR' or district_id is not null),
    check (role not in ('SCHOOL_ADMIN', 'TEACHER', 'PUPIL', 'PARENT') or organization_id is not null),
    check (role <> 'TEACHER' or employee_id is not null),
    check (role <> 'PUPIL' or pupil_id is not null),
    check (role <> 'PARENT' or parent_id is not null)
);
create unique index user_account_username_idx on accounts.user_account (lower(username));
create index user_account_employee_idx on accounts.user_account (employee_id) where employee_id is not null;
