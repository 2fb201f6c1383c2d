package ru.paragraf.sferum.demo;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.accounts.Role;

/**
 * A demo login and who it is.
 *
 * @param school the number in the school's usernames (admin1, teacher1-01), none for operators
 * @param place the district of an operator, the short name of a school
 * @param detail a position, a class, the classes of a parent's children
 * @param featured shown in the log and first on the page; the others are summed up per role
 */
record DemoLogin(
        String username,
        Role role,
        @Nullable Integer school,
        @Nullable UUID organizationId,
        String place,
        String person,
        String detail,
        boolean featured,
        int sortOrder) {}
