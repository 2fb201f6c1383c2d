package ru.paragraf.sferum.school;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whom the journal page offers for «Назначить замену»: the teachers of the lesson's school who do not teach its
 * journal, by name; and who holds the lesson now.
 */
@Component
class SubstituteCandidates {

    private final JdbcClient jdbc;

    SubstituteCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SchoolPerson> of(UUID lesson) {
        return jdbc.sql(
                        """
                        select e.id, e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name,
                               e.position as detail
                        from school.lesson l
                        join school.employee e on e.organization_id = l.organization_id
                        where l.id = :lesson
                          and exists (select 1 from school.journal_teacher t where t.employee_id = e.id)
                          and not exists (select 1 from school.journal_teacher t
                                          where t.journal_id = l.journal_id and t.employee_id = e.id)
                        order by e.last_name, e.first_name, e.middle_name, e.id
                        """)
                .param("lesson", lesson)
                .query(SchoolPerson.class)
                .list();
    }

    Optional<UUID> current(UUID lesson) {
        return jdbc.sql("select substitute_employee_id from school.lesson where id = :lesson")
                .param("lesson", lesson)
                .query(UUID.class)
                .optional();
    }
}
