package ru.paragraf.sferum.school;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is in a school, for other modules that act for people (accounts, the diary); not scoped to a user. */
@Repository
public class SchoolDirectory {

    private static final String FULL_NAME =
            "%1$s.last_name || ' ' || %1$s.first_name || coalesce(' ' || %1$s.middle_name, '')";

    private final JdbcClient jdbc;

    SchoolDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasOrganizations() {
        return jdbc.sql("select exists (select 1 from school.organization)")
                .query(Boolean.class)
                .single();
    }

    public Optional<SchoolPerson> employee(UUID id) {
        return jdbc.sql("select e.id, %s as full_name, e.position as detail from school.employee e where e.id = :id"
                        .formatted(FULL_NAME.formatted("e")))
                .param("id", id)
                .query(SchoolPerson.class)
                .optional();
    }

    /** Employees who teach at least one journal, by name. */
    public List<SchoolPerson> teachers(UUID organization) {
        return jdbc.sql(
                        """
                        select e.id, %s as full_name, e.position as detail
                        from school.employee e
                        where e.organization_id = :organization
                          and exists (select 1 from school.journal_teacher jt where jt.employee_id = e.id)
                        order by e.last_name, e.first_name, e.middle_name, e.id
                        """
                                .formatted(FULL_NAME.formatted("e")))
                .param("organization", organization)
                .query(SchoolPerson.class)
                .list();
    }

    /** Pupils by class, then by name. */
    public List<SchoolPerson> pupils(UUID organization) {
        return jdbc.sql(
                        """
                        select p.id, %s as full_name, coalesce(c.grade || c.letter, '') as detail
                        from school.pupil p left join school.class_unit c on c.id = p.class_unit_id
                        where p.organization_id = :organization
                        order by c.grade, c.letter, p.last_name, p.first_name, p.middle_name, p.id
                        """
                                .formatted(FULL_NAME.formatted("p")))
                .param("organization", organization)
                .query(SchoolPerson.class)
                .list();
    }

    /** Parents by name, with the classes of their children in this school. */
    public List<SchoolPerson> parents(UUID organization) {
        return jdbc.sql(
                        """
                        select pa.id, %s as full_name,
                               coalesce(string_agg(c.grade || c.letter, ', ' order by c.grade, c.letter), '') as detail
                        from school.parent pa
                        left join school.pupil_parent pp on pp.parent_id = pa.id
                        left join school.pupil p on p.id = pp.pupil_id
                        left join school.class_unit c on c.id = p.class_unit_id
                        where pa.organization_id = :organization
                        group by pa.id
                        order by pa.last_name, pa.first_name, pa.middle_name, pa.id
                        """
                                .formatted(FULL_NAME.formatted("pa")))
                .param("organization", organization)
                .query(SchoolPerson.class)
                .list();
    }
}
