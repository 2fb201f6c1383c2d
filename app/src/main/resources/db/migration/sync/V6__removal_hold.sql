-- A hold on big removals (issue 15): a roster change that would take more of a school's chat members out at once than
-- the threshold (sferum.sync.hold.*) is not carried out; the school's removals wait until an administrator releases
-- or discards them. At most one hold of a school is HELD at a time.
create table sync.removal_hold
(
    id              uuid primary key,
    organization_id uuid                     not null,
    created_at      timestamp with time zone not null,
    removals        integer                  not null,
    members         integer                  not null,
    state           text                     not null check (state in ('HELD', 'RELEASED', 'DISCARDED')),
    decided_at      timestamp with time zone,
    decided_by      text
);
create unique index removal_hold_held_idx on sync.removal_hold (organization_id) where state = 'HELD';
create index removal_hold_organization_idx on sync.removal_hold (organization_id, created_at desc);

-- The (chat, person) pairs of a discarded hold: they stay in their chats, and the planner does not plan their removal
-- again until the roster changes again for them (they belong in the chat once more; leaving it later is a new removal).
create table sync.removal_hold_item
(
    organization_id  uuid   not null,
    journal_id       uuid   not null,
    academic_year_id uuid   not null,
    vk_user_id       bigint not null,
    hold_id          uuid   not null references sync.removal_hold (id),
    primary key (organization_id, journal_id, academic_year_id, vk_user_id)
);
