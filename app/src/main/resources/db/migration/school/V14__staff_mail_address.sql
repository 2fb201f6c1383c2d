-- The read contract of staff files' email addresses for the notices' digests (docs/operations.md, «Notices and
-- mail»): an address that looks like one, as the staff file («личное дело») gives it.
create view school.staff_mail_address as
select e.id as employee_id, e.organization_id, lower(btrim(e.email)) as address
from school.employee e
where btrim(e.email) ~ '^[^@[:space:][:cntrl:]]+@[^@[:space:][:cntrl:]]+\.[^@[:space:][:cntrl:]]+$'
  and length(btrim(e.email)) <= 254;
