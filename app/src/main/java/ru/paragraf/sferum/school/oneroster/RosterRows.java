package ru.paragraf.sferum.school.oneroster;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.JournalKind;

/** The rows of a package that passed the field checks, typed. Each keeps its {@link CsvRow} for reporting. */
final class RosterRows {

    private RosterRows() {}

    /** A row of orgs.csv: a district or a school. */
    record OrgRow(
            CsvRow row,
            String sourcedId,
            boolean district,
            String name,
            String identifier,
            String parentSourcedId,
            String shortName) {}

    /** A row of academicSessions.csv; only school years become academic years, terms point at theirs. */
    record SessionRow(
            CsvRow row, String sourcedId, boolean schoolYear, LocalDate startDate, LocalDate endDate, int year) {}

    /** A row of courses.csv; its title names the subject. */
    record CourseRow(CsvRow row, String sourcedId, String title, String orgSourcedId) {}

    /** A row of classes.csv: a homeroom class (with its parsed name) or a scheduled class, which is a journal. */
    record ClassRow(
            CsvRow row,
            String sourcedId,
            String title,
            boolean homeroom,
            @Nullable ClassName name,
            String courseSourcedId,
            String schoolSourcedId,
            List<String> termSourcedIds,
            JournalKind kind) {}

    /** A row of users.csv. */
    record UserRow(
            CsvRow row,
            String sourcedId,
            String username,
            String givenName,
            String familyName,
            String middleName,
            String email,
            String phone,
            List<String> agentSourcedIds,
            String position) {}

    /**
     * A role of a user in an organization: a row of roles.csv, or for 1.1 packages the role and orgSourcedIds
     * columns of users.csv. {@code roleColumn} and {@code orgColumn} name where the values came from.
     */
    record RoleRow(
            CsvRow row,
            String userSourcedId,
            String role,
            boolean primary,
            String orgSourcedId,
            String roleColumn,
            String orgColumn) {}

    /** A row of enrollments.csv. */
    record EnrollmentRow(
            CsvRow row,
            String sourcedId,
            String classSourcedId,
            String schoolSourcedId,
            String userSourcedId,
            String role,
            boolean primary) {}
}
