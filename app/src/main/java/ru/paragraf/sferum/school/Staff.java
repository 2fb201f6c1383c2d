package ru.paragraf.sferum.school;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Employees' personal files, scoped to the organizations the current person may see. */
@Repository
class Staff {

    private final JdbcClient jdbc;
    private final Clock clock;

    Staff(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<EmployeeRow> list(SchoolScope scope, UUID organization) {
        return scope.bind(jdbc.sql(
                        """
                        select e.id, e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name,
                               e.position, e.sferum_user_id, e.sferum_relink_required
                        from school.employee e join school.organization o on o.id = e.organization_id
                        where e.organization_id = :organization and %s
                        order by e.last_name, e.first_name, e.middle_name
                        """
                                .formatted(SchoolScope.organizations("o"))))
                .param("organization", organization)
                .query(EmployeeRow.class)
                .list();
    }

    Optional<EmployeeView> find(SchoolScope scope, UUID id) {
        return scope.bind(jdbc.sql(
                        """
                        select e.id, e.organization_id, o.short_name as organization_name, e.last_name, e.first_name,
                               e.middle_name, e.position, e.birth_date, e.email, e.phone, e.hired_on,
                               e.sferum_user_id, e.sferum_linked_at, e.sferum_relink_required
                        from school.employee e join school.organization o on o.id = e.organization_id
                        where e.id = :id and %s
                        """
                                .formatted(SchoolScope.organizations("o"))))
                .param("id", id)
                .query(EmployeeView.class)
                .optional()
                .map(view -> view.inZone(clock.getZone()));
    }

    List<JournalRow> journalsOf(SchoolScope scope, UUID employee) {
        return scope.bind(jdbc.sql(
                        """
                        select j.id, j.kind, s.name as subject, coalesce(c.grade || c.letter, g.title) as group_title,
                               '' as teachers, j.subject_chat_requested
                        from school.journal_teacher jt
                        join school.journal j on j.id = jt.journal_id
                        join school.organization o on o.id = j.organization_id
                        join school.subject s on s.id = j.subject_id
                        left join school.class_unit c on c.id = j.class_unit_id
                        left join school.study_group g on g.id = j.study_group_id
                        where jt.employee_id = :employee and j.academic_year_id = (%s) and %s
                        order by s.name, group_title
                        """
                                .formatted(AcademicYears.CURRENT, SchoolScope.organizations("o"))))
                .param("employee", employee)
                .query(JournalRow.class)
                .list();
    }
}
