package ru.paragraf.sferum.school.oneroster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.paragraf.sferum.school.oneroster.RosterRows.ClassRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.CourseRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.EnrollmentRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.OrgRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.RoleRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.SessionRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.UserRow;

/**
 * The typed rows of a package. {@code seen} holds every sourcedId of each file, also of rows that failed their
 * checks, so that a reference to a bad row is not reported a second time as a reference to nothing.
 */
record Roster(
        RosterPackage source,
        List<OrgRow> orgs,
        List<SessionRow> sessions,
        List<CourseRow> courses,
        List<ClassRow> classes,
        List<UserRow> users,
        List<RoleRow> roles,
        List<EnrollmentRow> enrollments,
        Map<OneRosterFile, Set<String>> seen) {

    boolean seen(OneRosterFile file, String sourcedId) {
        return seen.getOrDefault(file, Set.of()).contains(sourcedId);
    }
}
