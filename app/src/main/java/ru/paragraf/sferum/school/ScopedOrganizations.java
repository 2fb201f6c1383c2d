package ru.paragraf.sferum.school;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * Lists of organizations for other modules, scoped like school's own pages: all organizations a person may see,
 * and organizations named by code (as files from the city name them) with whether the person may see each.
 */
@Service
public class ScopedOrganizations {

    private static final String SELECT =
            """
            select o.id, o.code, o.short_name, o.district_id, d.name as district_name
            from school.organization o join school.district d on d.id = o.district_id
            """;

    private final JdbcClient jdbc;

    ScopedOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organizations the person may see, by district and code. */
    @Transactional(readOnly = true)
    public List<OrganizationSummary> visible(CurrentUser user) {
        return SchoolScope.of(user)
                .bind(jdbc.sql(SELECT + " where " + SchoolScope.organizations("o") + " order by d.name, o.code"))
                .query(OrganizationSummary.class)
                .list();
    }

    /** The organizations with these codes (exact match), each with whether the person may see it; unknown codes are absent. */
    @Transactional(readOnly = true)
    public Map<String, CodedOrganization> byCodes(CurrentUser user, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return SchoolScope.of(user)
                .bind(jdbc.sql(
                        """
                        select o.id, o.code, o.short_name, o.district_id, d.name as district_name,
                               %s as visible
                        from school.organization o join school.district d on d.id = o.district_id
                        where o.code in (:codes)
                        """
                                .formatted(SchoolScope.organizations("o"))))
                .param("codes", List.copyOf(codes))
                .query((rs, row) -> new CodedOrganization(
                        new OrganizationSummary(
                                rs.getObject("id", java.util.UUID.class),
                                rs.getString("code"),
                                rs.getString("short_name"),
                                rs.getObject("district_id", java.util.UUID.class),
                                rs.getString("district_name")),
                        rs.getBoolean("visible")))
                .list()
                .stream()
                .collect(Collectors.toMap(match -> match.organization().code(), Function.identity()));
    }

    /** An organization found by its code, and whether the person who asked may see it. */
    public record CodedOrganization(OrganizationSummary organization, boolean visible) {}
}
