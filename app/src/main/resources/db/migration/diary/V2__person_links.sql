-- Pupils and parents link their VK ID too (issue 15): a link and a started authorization belong to a person of
-- any kind, no longer only to an employee. Existing rows are teachers' (EMPLOYEE) and keep their data; the sealing
-- contexts stay vk-access-token:<person> / vk-refresh-token:<person> with the same UUID, so they still open.
alter table diary.vk_link rename column employee_id to person_id;
alter table diary.vk_link
    add column person_kind text not null default 'EMPLOYEE'
        check (person_kind in ('EMPLOYEE', 'PUPIL', 'PARENT'));
alter table diary.vk_link alter column person_kind drop default;

alter table diary.vkid_authorization rename column employee_id to person_id;
alter table diary.vkid_authorization
    add column person_kind text not null default 'EMPLOYEE'
        check (person_kind in ('EMPLOYEE', 'PUPIL', 'PARENT'));
alter table diary.vkid_authorization alter column person_kind drop default;

-- vk_link_vk_user_idx (unique vk_user_id) now holds across kinds: one VK account links to one person at most,
-- teacher, pupil or parent.
comment on index diary.vk_link_vk_user_idx is 'one VK account links to one person (employee, pupil or parent) at most';
