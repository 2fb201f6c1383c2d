-- «Мои входы»: the last logins of each account, successful or not, by which way and from which address. Failures
-- are recorded only for existing accounts. Bounded per account by the application: the newest 50 within 90 days.
create table accounts.login_event
(
    id             bigint generated always as identity primary key,
    account_id     uuid                     not null references accounts.user_account (id) on delete cascade,
    occurred_at    timestamp with time zone not null,
    method         text                     not null check (method in ('FORM', 'SSO', 'HTTP_BASIC')),
    client_address text,
    succeeded      boolean                  not null
);
create index login_event_account_idx on accounts.login_event (account_id, id desc);

-- «Учётные записи» of a school: its accounts by name, a page at a time (≈ 1500 people a school).
create index user_account_organization_idx on accounts.user_account (organization_id, lower(display_name))
    where organization_id is not null;
