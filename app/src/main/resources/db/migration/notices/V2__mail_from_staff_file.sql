-- A person who never set their mail gets it at the address of their staff file (school.staff_mail_address): the row
-- is made for them, marked so the page can say where the address came from; whatever they save is theirs.
alter table notices.mail_setting add column from_staff_file boolean not null default false;
