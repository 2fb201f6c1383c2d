package ru.paragraf.sferum.accounts;

import java.util.UUID;

/**
 * A person of the school data who should have an account: the person's id in the school schema (an employee's for
 * {@link Role#SCHOOL_ADMIN} and {@link Role#TEACHER}, a pupil's, a parent's), how the source names them (shown in
 * reports), the login, the role and the organization. An empty login means the data gives the person none.
 */
public record RosterPerson(
        UUID person, String reference, String login, Role role, String displayName, UUID organization) {

    public RosterPerson {
        if (role == Role.CITY_OPERATOR || role == Role.DISTRICT_OPERATOR) {
            throw new IllegalArgumentException("The school data gives no operator accounts");
        }
        login = login.strip();
    }

    String key() {
        return login.toLowerCase(java.util.Locale.ROOT);
    }
}
