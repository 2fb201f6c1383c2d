-- The demo logins created when demo mode loaded the demo city: what the start-up log and the «Демо» page show.
-- The ids of school data are references by value: no foreign keys across modules.
create schema if not exists demo;

create table demo.demo_login
(
    username        text primary key,
    role            text    not null,
    school          integer,
    organization_id uuid,
    place           text    not null,
    person          text    not null,
    detail          text    not null,
    featured        boolean not null,
    sort_order      integer not null
);
