package ru.paragraf.sferum.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The next academic year of a demo school as the city would load it: a OneRoster package (all files delta) with the
 * year, the class moved up (7А → 8А) with its pupils, and the class's journal of the same subject with the same
 * teacher — a new journal of the new year. The demo city was generated, not imported, so its people carry no
 * sourcedIds; the package's people are the demo's, given the sourcedIds an import would have left on them.
 */
final class NextYear {

    private static final String T = "2026-12-01T10:00:00.000Z";
    private static final String JOURNAL = "demo-next-journal";

    private record Person(
            UUID id,
            String sourcedId,
            String username,
            String last,
            String first,
            @Nullable String middle,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String position) {}

    private final Map<String, String> files = new LinkedHashMap<>();
    private final LocalDate firstDay;
    private final String chatTitle;

    private NextYear(LocalDate firstDay, String chatTitle) {
        this.firstDay = firstDay;
        this.chatTitle = chatTitle;
    }

    static NextYear of(JdbcClient jdbc, UUID organization, UUID journal, String teacherUsername) {
        var facts = jdbc.sql(
                        """
                        select d.code as district_code, d.name as district_name, o.code, o.full_name, o.short_name,
                               s.name as subject, c.grade, c.letter, c.id as class_unit, y.ends_on
                        from school.journal j
                        join school.organization o on o.id = j.organization_id
                        join school.district d on d.id = o.district_id
                        join school.subject s on s.id = j.subject_id
                        join school.class_unit c on c.id = j.class_unit_id
                        join school.academic_year y on y.id = j.academic_year_id
                        where j.id = :journal and j.organization_id = :organization""")
                .param("journal", journal)
                .param("organization", organization)
                .query((rs, row) -> Map.<String, Object>of(
                        "districtCode", rs.getString("district_code"),
                        "districtName", rs.getString("district_name"),
                        "code", rs.getString("code"),
                        "fullName", rs.getString("full_name"),
                        "shortName", rs.getString("short_name"),
                        "subject", rs.getString("subject"),
                        "grade", rs.getInt("grade") + 1,
                        "letter", rs.getString("letter"),
                        "classUnit", rs.getObject("class_unit", UUID.class),
                        "endsOn", rs.getObject("ends_on", LocalDate.class)))
                .single();
        var start = ((LocalDate) facts.get("endsOn")).plusDays(1);
        var end = start.plusYears(1).minusDays(1);
        var className = facts.get("grade") + (String) facts.get("letter");
        var subject = (String) facts.get("subject");
        var year = new NextYear(start, subject + " " + className);

        var teacher = people(
                        jdbc,
                        """
                        select e.id, a.username, e.last_name, e.first_name, e.middle_name, e.email, e.phone, e.position
                        from school.employee e join accounts.user_account a on a.employee_id = e.id
                        where a.username = :key""",
                        teacherUsername)
                .get(0);
        var pupils = people(
                jdbc,
                """
                select p.id, a.username, p.last_name, p.first_name, p.middle_name, null as email, null as phone,
                       null as position
                from school.pupil p join accounts.user_account a on a.pupil_id = p.id
                where p.class_unit_id = cast(:key as uuid) order by p.last_name, p.first_name""",
                facts.get("classUnit").toString());
        giveSourcedIds(jdbc, "employee", List.of(teacher));
        giveSourcedIds(jdbc, "pupil", pupils);

        var grade = "%02d".formatted((Integer) facts.get("grade"));
        year.files.put(
                "manifest.csv",
                """
                propertyName,value
                manifest.version,1.0
                oneroster.version,1.2
                file.academicSessions,delta
                file.classes,delta
                file.courses,delta
                file.enrollments,delta
                file.orgs,delta
                file.roles,delta
                file.users,delta
                source.systemName,Paragraf demo
                source.systemCode,paragraf-demo
                """);
        year.files.put(
                "orgs.csv",
                "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.shortName\n"
                        + row(
                                "demo-district",
                                "active",
                                T,
                                facts.get("districtName"),
                                "district",
                                facts.get("districtCode"),
                                "",
                                "")
                        + row(
                                "demo-school",
                                "active",
                                T,
                                facts.get("fullName"),
                                "school",
                                facts.get("code"),
                                "demo-district",
                                facts.get("shortName")));
        year.files.put(
                "academicSessions.csv",
                "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n"
                        + row(
                                "demo-year",
                                "active",
                                T,
                                start.getYear() + "/" + end.getYear() + " учебный год",
                                "schoolYear",
                                start,
                                end,
                                "",
                                end.getYear()));
        year.files.put(
                "courses.csv",
                "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,"
                        + "subjectCodes\n"
                        + row("demo-course", "active", T, "demo-year", subject, "SUBJ", grade, "demo-school", "", "")
                        + row(
                                "demo-home",
                                "active",
                                T,
                                "demo-year",
                                "Классное руководство",
                                "HOME",
                                "",
                                "demo-school",
                                "",
                                ""));
        year.files.put(
                "classes.csv",
                "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
                        + "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods,metadata.journalKind\n"
                        + row(
                                "demo-next-class",
                                "active",
                                T,
                                className,
                                grade,
                                "demo-home",
                                "",
                                "homeroom",
                                "",
                                "demo-school",
                                "demo-year",
                                "",
                                "",
                                "",
                                "")
                        + row(
                                JOURNAL,
                                "active",
                                T,
                                subject + " " + className,
                                grade,
                                "demo-course",
                                "",
                                "scheduled",
                                "",
                                "demo-school",
                                "demo-year",
                                "",
                                "",
                                "",
                                "GENERAL_EDUCATION"));
        var users = new StringBuilder(
                "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
                        + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.position\n");
        var roles = new StringBuilder(
                "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
                        + "userProfileSourcedId\n");
        var enrollments = new StringBuilder("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
                + "userSourcedId,role,primary,beginDate,endDate\n");
        users.append(user(teacher, ""));
        roles.append(row(
                "r-" + teacher.sourcedId(),
                "active",
                T,
                teacher.sourcedId(),
                "primary",
                "teacher",
                "",
                "",
                "demo-school",
                ""));
        enrollments.append(row(
                "e-" + teacher.sourcedId(),
                "active",
                T,
                JOURNAL,
                "demo-school",
                teacher.sourcedId(),
                "teacher",
                "true",
                "",
                ""));
        for (var pupil : pupils) {
            users.append(user(pupil, grade));
            roles.append(row(
                    "r-" + pupil.sourcedId(),
                    "active",
                    T,
                    pupil.sourcedId(),
                    "primary",
                    "student",
                    "",
                    "",
                    "demo-school",
                    ""));
            enrollments.append(row(
                    "eh-" + pupil.sourcedId(),
                    "active",
                    T,
                    "demo-next-class",
                    "demo-school",
                    pupil.sourcedId(),
                    "student",
                    "false",
                    "",
                    ""));
            enrollments.append(row(
                    "ej-" + pupil.sourcedId(),
                    "active",
                    T,
                    JOURNAL,
                    "demo-school",
                    pupil.sourcedId(),
                    "student",
                    "false",
                    "",
                    ""));
        }
        year.files.put("users.csv", users.toString());
        year.files.put("roles.csv", roles.toString());
        year.files.put("enrollments.csv", enrollments.toString());
        return year;
    }

    byte[] rosterPackage() {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The new journal the import made. */
    UUID journal(JdbcClient jdbc) {
        return jdbc.sql("select id from school.journal where external_id = :id")
                .param("id", JOURNAL)
                .query(UUID.class)
                .single();
    }

    /** The VK accounts of the moved pupils that are linked: they belong in the new chat. */
    List<Long> linkedPupilsVk(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select p.sferum_user_id from school.pupil p join school.class_unit c on c.id = p.class_unit_id
                        join school.journal j on j.class_unit_id = c.id
                        where j.external_id = :id and p.sferum_user_id is not null""")
                .param("id", JOURNAL)
                .query(Long.class)
                .list();
    }

    LocalDate firstDay() {
        return firstDay;
    }

    /** «Математика 8А»: the subject and the class moved up. */
    String chatTitle() {
        return chatTitle;
    }

    private static List<Person> people(JdbcClient jdbc, String sql, String key) {
        return jdbc.sql(sql)
                .param("key", key)
                .query((rs, row) -> {
                    var id = rs.getObject("id", UUID.class);
                    return new Person(
                            id,
                            "demo-" + id,
                            rs.getString("username"),
                            rs.getString("last_name"),
                            rs.getString("first_name"),
                            rs.getString("middle_name"),
                            rs.getString("email"),
                            rs.getString("phone"),
                            rs.getString("position"));
                })
                .list();
    }

    private static void giveSourcedIds(JdbcClient jdbc, String table, List<Person> people) {
        for (var person : people) {
            jdbc.sql("update school." + table + " set external_id = :sourced where id = :id")
                    .param("sourced", person.sourcedId())
                    .param("id", person.id())
                    .update();
        }
    }

    private static String user(Person person, String grade) {
        return row(
                person.sourcedId(),
                "active",
                T,
                "true",
                person.username(),
                "",
                person.first(),
                person.last(),
                nullToEmpty(person.middle()),
                "",
                nullToEmpty(person.email()),
                "",
                nullToEmpty(person.phone()),
                "",
                grade,
                "",
                nullToEmpty(person.position()));
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String row(Object... cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            var cell = String.valueOf(cells[i]);
            line.append(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return line.append('\n').toString();
    }
}
