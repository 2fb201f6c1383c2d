-- Everyone who belongs in a subject chat, not only teachers (issue 15): who each member is in the school's data and
-- in which role, and when the chat's invite link was last got and its members last removed (every removal renews the
-- link, once per batch of removals).
alter table sync.chat_member
    add column person_id uuid,
    add column role      text not null default 'TEACHER' check (role in ('TEACHER', 'PUPIL', 'PARENT'));
alter table sync.chat_member alter column role drop default;
-- Rows before this migration are the teachers the engine put into chats: their person is the employee whose staff
-- file holds the VK account (none if the teacher unlinked meanwhile).
update sync.chat_member m
set person_id = e.id
from school.employee e
where e.sferum_user_id = m.vk_user_id;
create index chat_member_person_idx on sync.chat_member (person_id) where person_id is not null;

alter table sync.chat
    add column invite_link_at     timestamp with time zone,
    add column members_removed_at timestamp with time zone;
update sync.chat set invite_link_at = updated_at where invite_link is not null;

-- A person who could not be put into a chat (no VK ID the messenger takes, VK refused): what the diary shows them.
alter table sync.chat_member drop constraint chat_member_state_check;
alter table sync.chat_member add constraint chat_member_state_check check (state in ('ACTIVE', 'REMOVED', 'FAILED'));
alter table sync.chat_member add column problem text;
