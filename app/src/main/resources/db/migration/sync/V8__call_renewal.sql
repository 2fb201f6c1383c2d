-- A call lives around its lesson (docs/architecture.md, «Жизнь звонка»). VK cannot be asked whether a call still
-- exists, so a call started before its lesson's window (sferum.sync.calls.before-lesson) is replaced in the window by
-- a new generation: started_at says when the current generation became live. Calls live before this column existed
-- count as started at their row's creation, which is never later than their start: they are replaced if in doubt.
alter table sync.call add column started_at timestamp with time zone;
update sync.call set started_at = created_at where state = 'ACTIVE';

-- The scheduled step that renews and finishes calls by their lessons' times looks at the live calls only.
create index call_active_idx on sync.call (lesson_id) where state = 'ACTIVE';
