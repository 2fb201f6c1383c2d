-- Issue 18: a school's messenger credentials are either its VK Sferum community (id + community token, as before) or
-- its MAX bot (the bot token alone; the bot's user id, name and username come from MAX's GET /me on verification).
-- The sealed token stays in `token` (context 'sferum-community-token:<organization_id>') and its mask in
-- `token_masked` for both.
alter table linkbase.sferum_community
    add column messenger    text not null default 'VK' check (messenger in ('VK', 'MAX')),
    add column bot_user_id  bigint,
    add column bot_name     text,
    add column bot_username text,
    alter column community_id drop not null;

alter table linkbase.sferum_community
    add constraint sferum_community_messenger_columns check (
        (messenger = 'VK' and community_id is not null
            and bot_user_id is null and bot_name is null and bot_username is null)
        or (messenger = 'MAX' and community_id is null
            -- MAX named the bot whenever it confirmed the token
            and (state <> 'VERIFIED' or (bot_user_id is not null and bot_name is not null)))
    );
