-- A study group whose title already names the subject («Английский язык 7А (1 группа)», as OneRoster exports
-- class titles) gives its chat that title, not the subject twice («Английский язык Английский язык 7А (1 группа)»).
create or replace view school.sync_journal as
select j.id                                                 as journal_id,
       j.organization_id,
       j.academic_year_id,
       j.kind,
       j.subject_chat_requested,
       case
           when c.id is null and g.title is not null and lower(g.title) like lower(s.name) || '%' then g.title
           else s.name || ' ' || coalesce(c.grade || c.letter, g.title)
       end                                                  as chat_title
from school.journal j
         join school.subject s on s.id = j.subject_id
         left join school.class_unit c on c.id = j.class_unit_id
         left join school.study_group g on g.id = j.study_group_id;
