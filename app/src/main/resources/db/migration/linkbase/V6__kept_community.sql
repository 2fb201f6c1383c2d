-- Issue 18, a school's move from VK to MAX: the school's VK Sferum community is kept while the school is on MAX, for
-- the closing messages of its VK chats and for moving back. The token stays sealed with its context
-- 'sferum-community-token:<organization_id>'. At most one kept community per organization; the row goes back into
-- sferum_community when the school moves back to VK.
create table linkbase.kept_community
(
    organization_id uuid primary key,
    community_id    bigint                   not null check (community_id > 0),
    community_name  text,
    token           text                     not null,
    token_masked    text                     not null,
    state           text                     not null check (state in ('VERIFIED', 'UNVERIFIED', 'FAILED')),
    failure         text,
    verdict_at      timestamp with time zone,
    kept_at         timestamp with time zone not null,
    kept_by         text                     not null
);
