package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * What part of the school data a person may see, as SQL predicates bound to the person's ids. Absent ids are
 * bound as the nil UUID, which matches no row, so no predicate ever depends on a typed NULL.
 */
record SchoolScope(boolean allOrganizations, UUID district, UUID organization, boolean allJournals, UUID teacher) {

    private static final UUID NONE = new UUID(0, 0);

    static SchoolScope of(CurrentUser user) {
        switch (user.role()) {
            case CITY_OPERATOR:
                return new SchoolScope(true, NONE, NONE, true, NONE);
            case DISTRICT_OPERATOR:
                return new SchoolScope(false, orNone(user.districtId()), NONE, true, NONE);
            case SCHOOL_ADMIN:
                return new SchoolScope(false, NONE, orNone(user.organizationId()), true, NONE);
            case TEACHER:
                return new SchoolScope(false, NONE, orNone(user.organizationId()), false, orNone(user.employeeId()));
            default:
                return new SchoolScope(false, NONE, NONE, false, NONE);
        }
    }

    /** Organizations visible to the person; {@code alias} names a row of school.organization. */
    static String organizations(String alias) {
        return "(:scopeAllOrganizations or %1$s.district_id = :scopeDistrict or %1$s.id = :scopeOrganization)"
                .formatted(alias);
    }

    /** Journals visible to the person; {@code alias} names a row of school.journal. */
    static String journals(String alias) {
        return """
                (:scopeAllJournals or exists (select 1 from school.journal_teacher scope_jt
                                              where scope_jt.journal_id = %s.id and scope_jt.employee_id = :scopeTeacher))"""
                .formatted(alias);
    }

    StatementSpec bind(StatementSpec statement) {
        return statement
                .param("scopeAllOrganizations", allOrganizations)
                .param("scopeDistrict", district)
                .param("scopeOrganization", organization)
                .param("scopeAllJournals", allJournals)
                .param("scopeTeacher", teacher);
    }

    private static UUID orNone(@Nullable UUID id) {
        return id == null ? NONE : id;
    }
}
