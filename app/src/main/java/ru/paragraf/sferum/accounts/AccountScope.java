package ru.paragraf.sferum.accounts;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Which accounts an administration request may reach, as an SQL predicate on {@code accounts.user_account a}: the
 * operator accounts an operator manages, or the accounts of one school. The school's visibility to the person is the
 * caller's check (the school module knows which district a school belongs to); an account outside the scope does not
 * exist for the request.
 */
public final class AccountScope {

    private static final UUID NONE = new UUID(0, 0);
    private static final String SCHOOL_ROLES = "('SCHOOL_ADMIN', 'TEACHER', 'PUPIL', 'PARENT')";

    private final String predicate;
    private final boolean allOperators;
    private final UUID district;
    private final UUID organization;

    private AccountScope(String predicate, boolean allOperators, UUID district, UUID organization) {
        this.predicate = predicate;
        this.allOperators = allOperators;
        this.district = district;
        this.organization = organization;
    }

    /**
     * The operator accounts {@code operator} manages: a city operator every city and district operator, a district
     * operator those of their district; nobody else any.
     */
    public static AccountScope operatorsOf(CurrentUser operator) {
        var city = operator.is(Role.CITY_OPERATOR);
        var district =
                operator.is(Role.DISTRICT_OPERATOR) && operator.districtId() != null ? operator.districtId() : NONE;
        return new AccountScope(
                "(a.role = 'DISTRICT_OPERATOR' and (:scopeAllOperators or a.district_id = :scopeDistrict)"
                        + " or a.role = 'CITY_OPERATOR' and :scopeAllOperators)",
                city,
                district,
                NONE);
    }

    /** The accounts of one school's people: its admins, teachers, pupils and parents. */
    public static AccountScope school(UUID organization) {
        return new AccountScope(
                "(a.organization_id = :scopeOrganization and a.role in " + SCHOOL_ROLES + ")",
                false,
                NONE,
                organization);
    }

    String predicate() {
        return predicate;
    }

    StatementSpec bind(StatementSpec statement) {
        return statement
                .param("scopeAllOperators", allOperators)
                .param("scopeDistrict", district)
                .param("scopeOrganization", organization);
    }
}
