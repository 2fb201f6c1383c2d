package ru.paragraf.sferum.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account to create; which ids are required depends on the role (checked by the database too). */
public record NewAccount(
        String username,
        String displayName,
        Role role,
        @Nullable UUID districtId,
        @Nullable UUID organizationId,
        @Nullable UUID employeeId,
        @Nullable UUID pupilId,
        @Nullable UUID parentId) {

    public static NewAccount cityOperator(String username, String displayName) {
        return new NewAccount(username, displayName, Role.CITY_OPERATOR, null, null, null, null, null);
    }

    public static NewAccount districtOperator(String username, String displayName, UUID district) {
        return new NewAccount(username, displayName, Role.DISTRICT_OPERATOR, district, null, null, null, null);
    }

    public static NewAccount schoolAdmin(String username, String displayName, UUID organization, UUID employee) {
        return new NewAccount(username, displayName, Role.SCHOOL_ADMIN, null, organization, employee, null, null);
    }

    public static NewAccount teacher(String username, String displayName, UUID organization, UUID employee) {
        return new NewAccount(username, displayName, Role.TEACHER, null, organization, employee, null, null);
    }

    public static NewAccount pupil(String username, String displayName, UUID organization, UUID pupil) {
        return new NewAccount(username, displayName, Role.PUPIL, null, organization, null, pupil, null);
    }

    public static NewAccount parent(String username, String displayName, UUID organization, UUID parent) {
        return new NewAccount(username, displayName, Role.PARENT, null, organization, null, null, parent);
    }
}
