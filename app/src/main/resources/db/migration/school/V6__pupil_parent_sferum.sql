-- Pupils and parents link their VK ID in the diary too (issue 15); the diary's data transfer fills these columns
-- as it fills the staff file's, and the membership planner reads them through school.sync_journal_member.
alter table school.pupil
    add column sferum_user_id         bigint,
    add column sferum_linked_at       timestamp with time zone,
    add column sferum_relink_required boolean not null default false,
    add check ((sferum_user_id is null) = (sferum_linked_at is null));
alter table school.parent
    add column sferum_user_id         bigint,
    add column sferum_linked_at       timestamp with time zone,
    add column sferum_relink_required boolean not null default false,
    add check ((sferum_user_id is null) = (sferum_linked_at is null));
-- One VK account belongs to one pupil, one parent at most (across kinds: the diary's vk_link holds that rule).
create unique index pupil_sferum_user_idx on school.pupil (sferum_user_id) where sferum_user_id is not null;
create unique index parent_sferum_user_idx on school.parent (sferum_user_id) where sferum_user_id is not null;
