-- The academic year's close (issue 17): each school chooses what becomes of its subject chats once the year is closed.
-- They are renamed with the year and a closing message is pinned either way; with empty_archived_chats the pupils and
-- parents are taken out of them too, otherwise the chats are kept as they are for their members (whether VK can make
-- a chat read-only is UNCONFIRMED, docs/reference/vk-protocol.md: the engine does not try).
alter table school.chat_policy add column empty_archived_chats boolean not null default false;

-- The academic years as the synchronization engine reads them (its read contract, like the other school.sync_* views).
create view school.sync_academic_year as
select y.id as academic_year_id, y.title, y.starts_on, y.ends_on
from school.academic_year y;
