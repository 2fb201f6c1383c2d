-- Issue 18: people link their MAX account too (the diary's «Чаты», a deep link to the school's bot). The diary fills
-- these columns as it fills the VK ones; the membership planner reads the id of the school's messenger.
alter table school.employee
    add column max_user_id   bigint,
    add column max_linked_at timestamp with time zone,
    add check ((max_user_id is null) = (max_linked_at is null));
alter table school.pupil
    add column max_user_id   bigint,
    add column max_linked_at timestamp with time zone,
    add check ((max_user_id is null) = (max_linked_at is null));
alter table school.parent
    add column max_user_id   bigint,
    add column max_linked_at timestamp with time zone,
    add check ((max_user_id is null) = (max_linked_at is null));
-- One MAX account belongs to one employee, one pupil, one parent at most (across kinds: the diary's link holds it).
create unique index employee_max_user_idx on school.employee (max_user_id) where max_user_id is not null;
create unique index pupil_max_user_idx on school.pupil (max_user_id) where max_user_id is not null;
create unique index parent_max_user_idx on school.parent (max_user_id) where max_user_id is not null;
