package ru.paragraf.sferum.school.oneroster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.JournalKind;
import ru.paragraf.sferum.school.oneroster.RosterRows.ClassRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.CourseRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.EnrollmentRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.OrgRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.RoleRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.SessionRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.UserRow;

/** Turns the CSV rows of a package into typed rows, checking every field and the uniqueness of sourcedIds. */
final class RosterParser {

    private static final List<String> OTHER_ORG_TYPES = List.of("department", "local", "state", "national");
    private static final List<String> SESSION_TYPES = List.of("schoolYear", "term", "semester", "gradingPeriod");
    private static final List<String> ENROLLMENT_ROLES = List.of("student", "teacher");

    private final RosterPackage source;
    private final Problems problems;
    private final Map<OneRosterFile, Set<String>> seen = new EnumMap<>(OneRosterFile.class);

    private RosterParser(RosterPackage source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    static Roster parse(RosterPackage source, Problems problems) {
        var parser = new RosterParser(source, problems);
        var roles = new ArrayList<RoleRow>();
        var users = parser.users(roles);
        roles.addAll(parser.rows(OneRosterFile.ROLES, parser::role));
        return new Roster(
                source,
                parser.rows(OneRosterFile.ORGS, parser::org),
                parser.rows(OneRosterFile.ACADEMIC_SESSIONS, parser::session),
                parser.rows(OneRosterFile.COURSES, parser::course),
                parser.rows(OneRosterFile.CLASSES, parser::classRow),
                users,
                List.copyOf(roles),
                parser.rows(OneRosterFile.ENROLLMENTS, parser::enrollment),
                Map.copyOf(parser.seen));
    }

    /** Rows of a file that pass their checks; a repeated sourcedId is reported and its row left out. */
    private <T> List<T> rows(OneRosterFile file, Function<Fields, @Nullable T> reader) {
        var result = new ArrayList<T>();
        var firstLines = new HashMap<String, Integer>();
        var ids = seen.computeIfAbsent(file, key -> new HashSet<>());
        for (var row : source.rows(file)) {
            var fields = new Fields(row, problems, source.isDelta(file));
            var id = fields.sourcedId();
            var first = id.isEmpty() ? null : firstLines.putIfAbsent(id, row.line());
            if (first != null) {
                problems.at(row, "sourcedId", "duplicateId", first);
                continue;
            }
            ids.add(id);
            var typed = reader.apply(fields);
            if (typed != null && fields.valid()) {
                result.add(typed);
            }
        }
        return List.copyOf(result);
    }

    private @Nullable OrgRow org(Fields fields) {
        var type = fields.required("type");
        if (!type.isEmpty() && !type.equals("district") && !type.equals("school")) {
            fields.invalid(
                    "type", OTHER_ORG_TYPES.contains(type) ? "orgTypeUnsupported" : "enumValue", "district, school");
        }
        return new OrgRow(
                fields.row(),
                fields.sourcedId(),
                type.equals("district"),
                fields.required("name"),
                fields.optional("identifier"),
                fields.optional("parentSourcedId"),
                fields.optional("metadata.shortName"));
    }

    private @Nullable SessionRow session(Fields fields) {
        fields.required("title");
        var type = fields.oneOf("type", SESSION_TYPES);
        var start = fields.date("startDate");
        var end = fields.date("endDate");
        fields.required("startDate");
        fields.required("endDate");
        var year = fields.required("schoolYear");
        if (!year.isEmpty() && !year.matches("\\d{4}")) {
            fields.invalid("schoolYear", "schoolYear");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            fields.invalid("endDate", "dateOrder");
        }
        if (start == null || end == null || !fields.valid()) {
            return null;
        }
        return new SessionRow(
                fields.row(), fields.sourcedId(), type.equals("schoolYear"), start, end, Integer.parseInt(year));
    }

    private @Nullable CourseRow course(Fields fields) {
        return new CourseRow(
                fields.row(), fields.sourcedId(), fields.required("title"), fields.required("orgSourcedId"));
    }

    private @Nullable ClassRow classRow(Fields fields) {
        var title = fields.required("title");
        var type = fields.oneOf("classType", List.of("homeroom", "scheduled"));
        var grades = fields.list("grades");
        var terms = fields.list("termSourcedIds");
        if (terms.isEmpty()) {
            fields.required("termSourcedIds");
        }
        var homeroom = type.equals("homeroom");
        var name = homeroom && !title.isEmpty() ? className(fields, title, grades) : null;
        return new ClassRow(
                fields.row(),
                fields.sourcedId(),
                title,
                homeroom,
                name,
                fields.required("courseSourcedId"),
                fields.required("schoolSourcedId"),
                terms,
                homeroom ? JournalKind.GENERAL_EDUCATION : journalKind(fields));
    }

    private @Nullable ClassName className(Fields fields, String title, List<String> grades) {
        var name = ClassName.parse(title, grades).orElse(null);
        if (name == null) {
            fields.invalid("title", "classTitle");
        } else if (!name.gradeIsValid()) {
            fields.invalid("title", "grade");
        } else if (ClassName.singleGrade(grades)
                .filter(grade -> grade != name.grade())
                .isPresent()) {
            fields.invalid("grades", "gradeMismatch", name.grade());
        }
        return name;
    }

    private JournalKind journalKind(Fields fields) {
        var value = fields.optional("metadata.journalKind");
        if (value.isEmpty()) {
            return JournalKind.GENERAL_EDUCATION;
        }
        try {
            return JournalKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            var names = Arrays.stream(JournalKind.values()).map(Enum::name).toList();
            fields.invalid("metadata.journalKind", "enumValue", String.join(", ", names));
            return JournalKind.GENERAL_EDUCATION;
        }
    }

    private List<UserRow> users(List<RoleRow> legacyRoles) {
        var legacy = source.table(OneRosterFile.ROLES).isEmpty();
        var usersTable = source.table(OneRosterFile.USERS);
        if (legacy && usersTable.isPresent() && !usersTable.get().hasColumn("role")) {
            problems.add(Problem.ofFile(OneRosterFile.USERS.fileName(), "noRoles"));
        }
        return rows(OneRosterFile.USERS, fields -> {
            fields.oneOf("enabledUser", List.of("true", "false"));
            var phone = fields.optional("phone");
            var user = new UserRow(
                    fields.row(),
                    fields.sourcedId(),
                    fields.optional("username"),
                    fields.required("givenName"),
                    fields.required("familyName"),
                    fields.optional("middleName"),
                    fields.optional("email"),
                    phone.isEmpty() ? fields.optional("sms") : phone,
                    fields.list("agentSourcedIds"),
                    fields.optional("metadata.position"));
            if (legacy && fields.row().values().containsKey("role")) {
                legacyRoles.addAll(legacyRoles(fields, user.sourcedId()));
            }
            return user;
        });
    }

    /** The 1.1 way: one role per user, in every organization of orgSourcedIds, the first one primary. */
    private List<RoleRow> legacyRoles(Fields fields, String user) {
        var role = checkedRole(fields, "role");
        var orgs = fields.list("orgSourcedIds");
        if (orgs.isEmpty()) {
            fields.invalid("orgSourcedIds", "required");
        }
        var roles = new ArrayList<RoleRow>();
        for (int i = 0; i < orgs.size(); i++) {
            roles.add(new RoleRow(fields.row(), user, role, i == 0, orgs.get(i), "role", "orgSourcedIds"));
        }
        return fields.valid() ? roles : List.of();
    }

    private @Nullable RoleRow role(Fields fields) {
        var roleType = fields.oneOf("roleType", List.of("primary", "secondary"));
        fields.date("beginDate");
        fields.date("endDate");
        return new RoleRow(
                fields.row(),
                fields.required("userSourcedId"),
                checkedRole(fields, "role"),
                roleType.equals("primary"),
                fields.required("orgSourcedId"),
                "role",
                "orgSourcedId");
    }

    private String checkedRole(Fields fields, String column) {
        var role = fields.required(column);
        if (role.isEmpty() || PersonKind.of(role).isPresent()) {
            return role;
        }
        if (PersonKind.UNSUPPORTED_ROLES.contains(role)) {
            fields.invalid(column, "roleUnsupported");
        } else {
            fields.invalid(column, "enumValue", String.join(", ", PersonKind.SUPPORTED_ROLES));
        }
        return role;
    }

    private @Nullable EnrollmentRow enrollment(Fields fields) {
        var role = fields.required("role");
        if (!role.isEmpty() && !ENROLLMENT_ROLES.contains(role)) {
            var known = List.of("administrator", "proctor", "aide").contains(role);
            fields.invalid("role", known ? "enrollmentRoleUnsupported" : "enumValue", "student, teacher");
        }
        fields.date("beginDate");
        fields.date("endDate");
        return new EnrollmentRow(
                fields.row(),
                fields.sourcedId(),
                fields.required("classSourcedId"),
                fields.required("schoolSourcedId"),
                fields.required("userSourcedId"),
                role,
                fields.bool("primary"));
    }
}
