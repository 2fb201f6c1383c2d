package ru.paragraf.sferum.school.oneroster;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CSV files of a OneRoster package that the import reads, with the columns of the 1.2 CSV binding. A header
 * must contain the required columns; optional columns may be left out; columns named {@code metadata.*} are
 * extensions and always allowed. users.csv also accepts the 1.1 columns {@code role} and {@code orgSourcedIds}.
 */
enum OneRosterFile {
    ORGS(
            "orgs.csv",
            "orgs",
            List.of("sourcedId", "status", "dateLastModified", "name", "type"),
            List.of("identifier", "parentSourcedId")),
    ACADEMIC_SESSIONS(
            "academicSessions.csv",
            "academicSessions",
            List.of("sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "schoolYear"),
            List.of("parentSourcedId")),
    COURSES(
            "courses.csv",
            "courses",
            List.of("sourcedId", "status", "dateLastModified", "title", "orgSourcedId"),
            List.of("schoolYearSourcedId", "courseCode", "grades", "subjects", "subjectCodes")),
    CLASSES(
            "classes.csv",
            "classes",
            List.of(
                    "sourcedId",
                    "status",
                    "dateLastModified",
                    "title",
                    "courseSourcedId",
                    "classType",
                    "schoolSourcedId",
                    "termSourcedIds"),
            List.of("grades", "classCode", "location", "subjects", "subjectCodes", "periods")),
    USERS(
            "users.csv",
            "users",
            List.of("sourcedId", "status", "dateLastModified", "enabledUser", "givenName", "familyName"),
            List.of(
                    "username",
                    "userIds",
                    "middleName",
                    "identifier",
                    "email",
                    "sms",
                    "phone",
                    "agentSourcedIds",
                    "grades",
                    "password",
                    "userMasterIdentifier",
                    "resourceSourcedIds",
                    "preferredGivenName",
                    "preferredMiddleName",
                    "preferredFamilyName",
                    "primaryOrgSourcedId",
                    "pronouns",
                    "role",
                    "orgSourcedIds")),
    ROLES(
            "roles.csv",
            "roles",
            List.of("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "orgSourcedId"),
            List.of("beginDate", "endDate", "userProfileSourcedId")),
    ENROLLMENTS(
            "enrollments.csv",
            "enrollments",
            List.of(
                    "sourcedId",
                    "status",
                    "dateLastModified",
                    "classSourcedId",
                    "schoolSourcedId",
                    "userSourcedId",
                    "role"),
            List.of("primary", "beginDate", "endDate"));

    static final String MANIFEST = "manifest.csv";

    private final String fileName;
    private final String manifestKey;
    private final List<String> requiredColumns;
    private final Set<String> knownColumns;

    OneRosterFile(String fileName, String manifestName, List<String> requiredColumns, List<String> optionalColumns) {
        this.fileName = fileName;
        this.manifestKey = "file." + manifestName;
        this.requiredColumns = requiredColumns;
        this.knownColumns = Set.copyOf(Stream.concat(requiredColumns.stream(), optionalColumns.stream())
                .toList());
    }

    String fileName() {
        return fileName;
    }

    /** The manifest property that says whether the file is bulk, delta or absent. */
    String manifestKey() {
        return manifestKey;
    }

    List<String> requiredColumns() {
        return requiredColumns;
    }

    boolean knows(String column) {
        return knownColumns.contains(column) || column.startsWith("metadata.");
    }

    /** roles.csv may be absent when users.csv carries the 1.1 columns role and orgSourcedIds. */
    boolean required() {
        return this != ROLES;
    }
}
