-- The academic year's close (issue 17). A closed year's subject chats are archived: renamed with the year, a closing
-- message pinned, emptied of pupils and parents where the school chose it; the ledger marks them ARCHIVED, and
-- nothing more is planned for them (no members added, no calls announced, no new chat for the journal and year).
alter table sync.chat drop constraint chat_state_check;
alter table sync.chat add constraint chat_state_check
    check (state in ('CREATING', 'ACTIVE', 'FAILED', 'LOST', 'ARCHIVED'));
alter table sync.chat add column archived_at timestamp with time zone;

-- Each school's closed years: written once, by «Закрыть учебный год» (a school admin, or an operator for a district)
-- or by the scheduled run once the year has ended. The planner archives the year's chats and finishes its calls from
-- these rows, so a repeated close, a second node or a crash archives nothing twice.
create table sync.year_close
(
    organization_id  uuid                     not null,
    academic_year_id uuid                     not null,
    closed_at        timestamp with time zone not null,
    -- the person, as the audit names them; null: the scheduled run
    closed_by        text,
    -- the school's choice when the year was closed (school.chat_policy.empty_archived_chats)
    empty_chats      boolean                  not null,
    primary key (organization_id, academic_year_id)
);
