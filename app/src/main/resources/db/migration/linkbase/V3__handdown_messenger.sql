-- Issue 18: the hand-down file names each row's messenger (a fourth column, VK when left out): a VK row carries the
-- community id and token as before, a MAX row only the bot token; MAX's GET /me names the bot at verification.
alter table linkbase.handdown_row
    add column messenger    text not null default 'VK' check (messenger in ('VK', 'MAX')),
    add column bot_user_id  bigint,
    add column bot_name     text,
    add column bot_username text;
alter table linkbase.handdown_row alter column messenger drop default;
