package ru.paragraf.sferum.school;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * Organizations for other modules, with the same scoping as school's own pages: an organization the person may
 * not see is absent. Modules that keep rows per organization check visibility here before showing or changing them.
 */
@Service
public class OrganizationDirectory {

    private final JdbcClient jdbc;

    OrganizationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> findVisible(CurrentUser user, UUID organization) {
        return SchoolScope.of(user)
                .bind(jdbc.sql(
                        """
                        select o.id, o.code, o.short_name, o.district_id, d.name as district_name
                        from school.organization o join school.district d on d.id = o.district_id
                        where o.id = :id and %s
                        """
                                .formatted(SchoolScope.organizations("o"))))
                .param("id", organization)
                .query(OrganizationSummary.class)
                .optional();
    }
}
