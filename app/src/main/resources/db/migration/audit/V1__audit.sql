-- Who changed what and when. Written in the transaction of the change; never holds secrets.
create schema if not exists audit;

create table audit.entry
(
    id               bigint generated always as identity primary key,
    occurred_at      timestamp with time zone not null,
    actor_account_id uuid,
    actor_name       text  not null,
    actor_role       text,
    organization_id  uuid,
    action           text  not null,
    subject          text  not null,
    details          jsonb not null default '{}'
);
create index entry_organization_idx on audit.entry (organization_id, occurred_at desc);
