package ru.paragraf.sferum.school;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizations (schools) as the current person may see them. */
@Repository
class Organizations {

    private static final String SELECT =
            """
            select o.id, o.code, o.short_name, d.name as district_name,
                   (select count(*) from school.class_unit c where c.organization_id = o.id) as classes,
                   (select count(*) from school.pupil p where p.organization_id = o.id) as pupils,
                   (select count(*) from school.employee e where e.organization_id = o.id) as employees
            from school.organization o
            join school.district d on d.id = o.district_id
            """;

    private final JdbcClient jdbc;

    Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrganizationRow> visible(SchoolScope scope) {
        return scope.bind(jdbc.sql(SELECT + " where " + SchoolScope.organizations("o") + " order by d.name, o.code"))
                .query(OrganizationRow.class)
                .list();
    }

    Optional<OrganizationRow> find(SchoolScope scope, UUID id) {
        return scope.bind(jdbc.sql(SELECT + " where o.id = :id and " + SchoolScope.organizations("o")))
                .param("id", id)
                .query(OrganizationRow.class)
                .optional();
    }
}
