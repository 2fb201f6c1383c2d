-- A hand-down row written without naming its messenger is a VK row, as a file without the messenger column is
-- (V3 dropped the default; code that predates the column, e.g. the key rotation's tests, writes rows without it).
alter table linkbase.handdown_row alter column messenger set default 'VK';
