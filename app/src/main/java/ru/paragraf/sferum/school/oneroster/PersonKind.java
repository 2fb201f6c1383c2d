package ru.paragraf.sferum.school.oneroster;

import java.util.List;
import java.util.Optional;

/** What a OneRoster role makes of a user in the school schema: an employee, a pupil or a parent. */
enum PersonKind {
    EMPLOYEE,
    PUPIL,
    PARENT;

    static final List<String> EMPLOYEE_ROLES =
            List.of("teacher", "aide", "administrator", "siteAdministrator", "principal", "counselor", "proctor");

    /** Roles of OneRoster that have no place in a school's data: staff above the school, other relatives. */
    static final List<String> UNSUPPORTED_ROLES = List.of("districtAdministrator", "systemAdministrator", "relative");

    static final List<String> SUPPORTED_ROLES = List.of(
            "teacher",
            "aide",
            "administrator",
            "siteAdministrator",
            "principal",
            "counselor",
            "proctor",
            "student",
            "parent",
            "guardian");

    static Optional<PersonKind> of(String role) {
        if (EMPLOYEE_ROLES.contains(role)) {
            return Optional.of(EMPLOYEE);
        }
        if (role.equals("student")) {
            return Optional.of(PUPIL);
        }
        if (role.equals("parent") || role.equals("guardian")) {
            return Optional.of(PARENT);
        }
        return Optional.empty();
    }
}
