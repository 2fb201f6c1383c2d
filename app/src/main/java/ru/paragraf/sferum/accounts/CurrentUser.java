package ru.paragraf.sferum.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The logged-in person and the scope of their data. Modules filter their queries with these ids: a district
 * operator sees organizations of {@link #districtId()}, a school admin and a teacher those of
 * {@link #organizationId()}; a teacher's journals are those where {@link #employeeId()} teaches.
 */
public record CurrentUser(
        UUID accountId,
        String username,
        String displayName,
        Role role,
        @Nullable UUID districtId,
        @Nullable UUID organizationId,
        @Nullable UUID employeeId,
        @Nullable UUID pupilId,
        @Nullable UUID parentId) {

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
