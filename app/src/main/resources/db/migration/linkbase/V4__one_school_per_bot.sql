-- A MAX bot serves one school: its updates (a chat adopted, a person who pressed «Начать») must name one school.
-- Like a VK community (sferum_community_community_idx), a bot named by MAX belongs to one organization at most.
create unique index sferum_community_bot_idx on linkbase.sferum_community (bot_user_id) where bot_user_id is not null;
