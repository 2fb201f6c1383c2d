-- The read contract of staff accounts for the notices' digests: an employee's enabled account and the audience its
-- role belongs to (a teacher is told as themselves, a school admin with the admins of the school).
create view accounts.staff_account as
select a.id as account_id, a.role, a.organization_id, a.employee_id
from accounts.user_account a
where a.enabled and a.disabled_at is null and a.employee_id is not null
  and a.role in ('TEACHER', 'SCHOOL_ADMIN');
