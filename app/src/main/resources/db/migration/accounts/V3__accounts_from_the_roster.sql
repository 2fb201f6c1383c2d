-- Accounts that the school data (the OneRoster import) creates, renames and disables. Such an account is tied to one
-- person of the school schema (an employee, a pupil or a parent: the id in roster_person, also in its
-- employee_id/pupil_id/parent_id); a person has at most one. An account is never deleted: a person who leaves the
-- data is disabled with the time and the reason, and enabled again when they come back
-- (disabled_reason LEFT_ROSTER; an account disabled for another reason stays disabled). The logins an account had
-- before are kept, oldest first.
alter table accounts.user_account
    add column source             text   not null default 'LOCAL' check (source in ('LOCAL', 'ROSTER')),
    add column roster_person      uuid,
    add column previous_usernames text[] not null default '{}',
    add column disabled_at        timestamp with time zone,
    add column disabled_reason    text,
    add check (source <> 'ROSTER' or roster_person is not null);
create unique index user_account_roster_person_idx on accounts.user_account (roster_person)
    where roster_person is not null;
