package ru.paragraf.sferum.notices;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;

/** Whom a notice is for: one employee (a teacher), the admins of one school, the operators of one district. */
record Audience(Kind kind, UUID id) {

    enum Kind {
        EMPLOYEE,
        SCHOOL_ADMINS,
        DISTRICT_OPERATORS
    }

    static Audience employee(UUID employee) {
        return new Audience(Kind.EMPLOYEE, employee);
    }

    static Audience schoolAdmins(UUID organization) {
        return new Audience(Kind.SCHOOL_ADMINS, organization);
    }

    static Audience districtOperators(UUID district) {
        return new Audience(Kind.DISTRICT_OPERATORS, district);
    }

    /** The audience the person belongs to; none for the roles nobody tells anything (city operator, pupil, parent). */
    static @Nullable Audience of(CurrentUser user) {
        if (user.is(Role.TEACHER) && user.employeeId() != null) {
            return employee(user.employeeId());
        }
        if (user.is(Role.SCHOOL_ADMIN) && user.organizationId() != null) {
            return schoolAdmins(user.organizationId());
        }
        if (user.is(Role.DISTRICT_OPERATOR) && user.districtId() != null) {
            return districtOperators(user.districtId());
        }
        return null;
    }
}
