-- People told when they must act (issue 17). A notice is addressed to an audience (one employee, the admins of one
-- school, the operators of one district) for a cause (its kind and the id of what it is about). While a cause is
-- open it has one notice: the same cause again only counts up `occurrences`; a fixed cause closes its notice.
create schema if not exists notices;

create table notices.notice
(
    id          uuid primary key,
    audience    text        not null check (audience in ('EMPLOYEE', 'SCHOOL_ADMINS', 'DISTRICT_OPERATORS')),
    audience_id uuid        not null,
    kind        text        not null,
    cause       text        not null,
    args        text[]      not null default '{}',
    link        text,
    occurrences integer     not null default 1,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    closed_at   timestamptz
);
create unique index notice_open_cause_idx on notices.notice (audience, audience_id, cause) where closed_at is null;
create index notice_audience_idx on notices.notice (audience, audience_id, created_at desc);
create index notice_cause_idx on notices.notice (cause) where closed_at is null;

-- Which account read which notice (an audience may be several people: a school's admins).
create table notices.notice_read
(
    notice_id  uuid        not null references notices.notice on delete cascade,
    account_id uuid        not null,
    read_at    timestamptz not null,
    primary key (notice_id, account_id)
);

-- Email: the person's address and switch, the audience their account had when they saved it, and the day of their
-- last digest (Moscow). The conditional update of last_digest_on is the claim that keeps a digest to one a day
-- per person on any number of nodes.
create table notices.mail_setting
(
    account_id      uuid primary key,
    address         text,
    enabled         boolean     not null default true,
    audience        text        check (audience in ('EMPLOYEE', 'SCHOOL_ADMINS', 'DISTRICT_OPERATORS')),
    audience_id     uuid,
    last_digest_on  date,
    last_digest_at  timestamptz,
    updated_at      timestamptz not null
);

-- Which notice went out in whose digest: never mailed twice.
create table notices.notice_mailed
(
    notice_id  uuid        not null references notices.notice on delete cascade,
    account_id uuid        not null,
    mailed_at  timestamptz not null,
    primary key (notice_id, account_id)
);

-- Mail that was not sent because no SMTP server is configured (the embedded demo): shown on /demo/mail.
create table notices.outbox
(
    id         uuid primary key,
    recipient  text        not null,
    subject    text        not null,
    body       text        not null,
    stored_at  timestamptz not null
);
create index outbox_stored_idx on notices.outbox (stored_at desc);
