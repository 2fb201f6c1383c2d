package ru.paragraf.sferum.school.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static ru.paragraf.sferum.school.oneroster.SchoolData.CITY;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.oneroster.ImportReport.Outcome;
import ru.paragraf.sferum.school.oneroster.ImportReport.ReportedProblem;

@SpringBootTest
class OneRosterImportTests {

    private static final String T = "2026-08-20T10:00:00.000Z";

    @Autowired
    OneRosterImport imports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startsWithoutSchoolData() {
        SchoolData.clear(jdbc);
    }

    @Test
    void importsSmallSchool() {
        var crlf = TestPackage.valid().content("classes.csv").replace("\n", "\r\n");
        var bom = "\uFEFF" + TestPackage.valid().content("users.csv");

        var report = run(CITY, TestPackage.valid().with("classes.csv", crlf).with("users.csv", bom));

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(created(report))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("districts", 1),
                        Map.entry("organizations", 1),
                        Map.entry("academicYears", 1),
                        Map.entry("subjects", 3),
                        Map.entry("employees", 3),
                        Map.entry("classUnits", 2),
                        Map.entry("pupils", 5),
                        Map.entry("parents", 2),
                        Map.entry("pupilParents", 3),
                        Map.entry("studyGroups", 2),
                        Map.entry("studyGroupMembers", 4),
                        Map.entry("journals", 4),
                        Map.entry("journalTeachers", 4)));
        assertThat(jdbc.sql(
                                """
                                select o.code, o.short_name, d.code from school.organization o
                                join school.district d on d.id = o.district_id""")
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .single())
                .isEqualTo("0101 ГБОУ СОШ № 101 TST");
        assertThat(jdbc.sql("select title || ' ' || starts_on || ' ' || ends_on from school.academic_year")
                        .query(String.class)
                        .single())
                .isEqualTo("2026/2027 2026-09-01 2027-08-31");
        assertThat(jdbc.sql(
                                """
                                select c.grade || c.letter || ': ' || e.last_name || ', '
                                       || (select string_agg(p.last_name, ' ' order by p.last_name)
                                           from school.pupil p where p.class_unit_id = c.id)
                                from school.class_unit c join school.employee e on e.id = c.homeroom_teacher_id
                                order by c.letter""")
                        .query(String.class)
                        .list())
                .containsExactly("7А: Иванова, Алексеев Алексеева Васильева", "7Б: Петров, Григорьев Дмитриева");
        assertThat(jdbc.sql(
                                """
                                select s.name || ' | ' || coalesce(c.grade || c.letter, g.title || ' / '
                                           || coalesce(gc.grade || gc.letter, '-')) || ' | ' || j.kind || ' | '
                                       || (select string_agg(e.last_name, ' ') from school.journal_teacher jt
                                           join school.employee e on e.id = jt.employee_id where jt.journal_id = j.id)
                                       || ' | ' || coalesce((select count(*) from school.study_group_member m
                                                              where m.study_group_id = g.id), 0)
                                from school.journal j join school.subject s on s.id = j.subject_id
                                left join school.class_unit c on c.id = j.class_unit_id
                                left join school.study_group g on g.id = j.study_group_id
                                left join school.class_unit gc on gc.id = g.class_unit_id
                                order by 1""")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "Алгебра | 7А | GENERAL_EDUCATION | Иванова | 0",
                        "Алгебра | 7Б | GENERAL_EDUCATION | Иванова | 0",
                        "Английский язык | Английский язык 7А (1 группа) / 7А | GENERAL_EDUCATION | Петров | 2",
                        "Робототехника | Робототехника / - | ADDITIONAL_EDUCATION | Петров | 2");
        assertThat(jdbc.sql("select chat_title from school.sync_journal order by 1")
                        .query(String.class)
                        .list())
                .as("a group's chat is named by the group's title where it already names the subject, never twice")
                .containsExactly("Алгебра 7А", "Алгебра 7Б", "Английский язык 7А (1 группа)", "Робототехника");
        assertThat(jdbc.sql("select last_name || ': ' || position from school.employee order by last_name")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "Иванова: Учитель", "Петров: Учитель английского языка", "Смирнова: Заместитель директора");
        assertThat(jdbc.sql(
                                """
                                select pa.last_name || ' ' || pa.first_name || ': '
                                       || string_agg(p.first_name, ' ' order by p.first_name)
                                from school.parent pa join school.pupil_parent pp on pp.parent_id = pa.id
                                join school.pupil p on p.id = pp.pupil_id
                                group by pa.id order by 1""")
                        .query(String.class)
                        .list())
                .containsExactly("Алексеев Сергей: Анна Борис", "Григорьева Ольга: Глеб");
    }

    @Test
    void changesNothingWhenImportedAgain() {
        var first = run(CITY, TestPackage.valid());
        var rows = SchoolData.counts(jdbc);

        var second = run(CITY, TestPackage.valid());

        assertThat(second.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(SchoolData.counts(jdbc)).isEqualTo(rows);
        assertThat(second.counts()).allSatisfy(count -> assertThat(count.created() + count.updated() + count.removed())
                .isZero());
        assertThat(second.counts().stream().collect(Collectors.toMap(ImportCount::kind, ImportCount::unchanged)))
                .isEqualTo(created(first));
    }

    @Test
    void updatesWhatChangedAndDropsLinksABulkFileNoLongerLists() {
        run(CITY, TestPackage.valid());

        var report = run(
                CITY,
                TestPackage.valid()
                        .replace("users.csv", "Дарья,Дмитриева", "Дарья,Дмитриева-Смирнова")
                        .replace("users.csv", ",,,,,,,,Учитель английского языка", ",,,,,,,,Учитель физики")
                        .replace(
                                "enrollments.csv", "e-17,active," + T + ",j-eng-7a1,s-101,u-p2,student,false,,\n", ""));

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        var counts = report.counts().stream().collect(Collectors.toMap(ImportCount::kind, c -> c));
        assertThat(counts.get("pupils").updated()).isEqualTo(1);
        assertThat(counts.get("employees").updated()).isEqualTo(1);
        assertThat(counts.get("studyGroupMembers").removed()).isEqualTo(1);
        assertThat(counts.get("journals").updated()).isZero();
        assertThat(jdbc.sql("select last_name from school.pupil where external_id = 'u-p5'")
                        .query(String.class)
                        .single())
                .isEqualTo("Дмитриева-Смирнова");
    }

    @Test
    void reportsEveryBadRowAndChangesNothing() {
        run(CITY, TestPackage.valid());
        var before = SchoolData.counts(jdbc);
        var bad = TestPackage.valid()
                .replace("users.csv", "Дарья,Дмитриева", "Дарья,Изменённая")
                .append("users.csv", "u-x1,active," + T + ",true,x1,,,Сидоров,,,,,,,,,")
                .append("users.csv", "u-p1,active," + T + ",true,p1,,Анна,Алексеева,,,,,,,,,")
                .append("users.csv", "u-x2,active,yesterday,true,x2,,Иван,Иванов,,,,,,,,,")
                .append("academicSessions.csv", "t-x,active," + T + ",Четверть,term,2026-13-01,2026-12-31,y-2027,2027")
                .append("classes.csv", "k-13a,active," + T + ",13А,,c-home,,homeroom,,s-101,y-2027,,,,")
                .append("classes.csv", "k-x,active," + T + ",Седьмой,,c-home,,homeroom,,s-101,y-2027,,,,")
                .append("roles.csv", "r-x,active," + T + ",u-a1,secondary,janitor,,,s-101,")
                .append("courses.csv", "c-x,active," + T + ",y-2027,Химия,,,s-999,,")
                .append("enrollments.csv", "e-x1,active," + T + ",j-alg-7a,s-101,u-ghost,student,false,,")
                .append("enrollments.csv", "e-x2,active," + T + ",j-none,s-101,u-p1,student,false,,")
                .append("enrollments.csv", "e-x3,tobedeleted," + T + ",k-7a,s-101,u-p1,student,false,,");
        var users = bad.lineCount("users.csv");
        var enrollments = bad.lineCount("enrollments.csv");

        var report = run(CITY, bad);

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.problems())
                .extracting(
                        ReportedProblem::file, ReportedProblem::line, ReportedProblem::column, ReportedProblem::message)
                .containsExactlyInAnyOrder(
                        tuple("users.csv", users - 2, "givenName", "обязательное поле не заполнено"),
                        tuple("users.csv", users - 1, "sourcedId", "sourcedId повторяется: он уже есть в строке 5"),
                        tuple(
                                "users.csv",
                                users,
                                "dateLastModified",
                                "неверный формат даты и времени: ожидается ГГГГ-ММ-ДДTчч:мм:ссZ"),
                        tuple("academicSessions.csv", 5, "startDate", "неверный формат даты: ожидается ГГГГ-ММ-ДД"),
                        tuple("classes.csv", 8, "title", "недопустимый номер класса: ожидается число от 1 до 11"),
                        tuple(
                                "classes.csv",
                                9,
                                "title",
                                "в названии класса не удалось распознать номер и букву; ожидается, например,"
                                        + " «7А», «7 А» или «7-А»"),
                        tuple(
                                "roles.csv",
                                12,
                                "role",
                                "недопустимое значение; допустимы: teacher, aide, administrator, siteAdministrator,"
                                        + " principal, counselor, proctor, student, parent, guardian"),
                        tuple("courses.csv", 6, "orgSourcedId", "нет записи с таким sourcedId в orgs.csv"),
                        tuple(
                                "enrollments.csv",
                                enrollments - 2,
                                "userSourcedId",
                                "пользователя с таким sourcedId нет в users.csv"),
                        tuple(
                                "enrollments.csv",
                                enrollments - 1,
                                "classSourcedId",
                                "нет записи с таким sourcedId в classes.csv"),
                        tuple(
                                "enrollments.csv",
                                enrollments,
                                "status",
                                "удаление записей (tobedeleted) не поддерживается; уберите строку из пакета"));
        assertThat(report.problems())
                .extracting(ReportedProblem::text)
                .contains("users.csv, строка " + (users - 2) + ", поле givenName: обязательное поле не заполнено")
                .contains("classes.csv, строка 8, поле title, значение «13А»: недопустимый номер класса: ожидается"
                        + " число от 1 до 11");
        assertThat(report.problemCount()).isEqualTo(11);
        assertThat(report.problemsByFile()).containsEntry("users.csv", 3).containsEntry("enrollments.csv", 3);
        assertThat(SchoolData.counts(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from school.pupil where last_name = 'Изменённая'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void reportsMissingFilesAndColumns() {
        var report = run(
                CITY,
                TestPackage.valid()
                        .without("enrollments.csv")
                        .replace("users.csv", "givenName,familyName,", "givenName,")
                        .replace("orgs.csv", ",metadata.shortName", ",colour"));

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.problems())
                .extracting(ReportedProblem::text)
                .containsExactlyInAnyOrder(
                        "orgs.csv, столбец colour: неизвестный столбец; собственные столбцы называются metadata.имя",
                        "users.csv, столбец familyName: в заголовке нет обязательного столбца",
                        "enrollments.csv: файл указан в manifest.csv, но его нет в архиве");

        var absent = run(
                CITY,
                TestPackage.valid()
                        .without("enrollments.csv")
                        .replace("manifest.csv", "file.enrollments,bulk", "file.enrollments,absent"));
        assertThat(absent.problems())
                .extracting(ReportedProblem::text)
                .containsExactly("enrollments.csv: в архиве нет обязательного файла");
        assertThat(SchoolData.counts(jdbc)).containsOnlyKeys(SchoolData.TABLES).allSatisfy((table, n) -> assertThat(n)
                .isZero());
    }

    @Test
    void letsASchoolAdminImportOnlyTheirOwnSchool() {
        run(CITY, TestPackage.valid());
        run(
                CITY,
                TestPackage.headersOnly().append("orgs.csv", "s-202,active," + T + ",Школа № 202,school,0202,d-test,"));
        var admin = SchoolData.schoolAdmin(SchoolData.organization(jdbc, "s-101"));

        var own = run(admin, TestPackage.valid().replace("users.csv", "Дарья,Дмитриева", "Дарья,Петрова"));

        assertThat(own.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(own.counts())
                .filteredOn(count ->
                        count.kind().equals("districts") || count.kind().equals("academicYears"))
                .extracting(ImportCount::unchanged)
                .containsExactly(1, 1);
        var before = SchoolData.counts(jdbc);

        var other = run(
                admin,
                TestPackage.headersOnly()
                        .append("orgs.csv", "s-202,active," + T + ",Школа № 202 (новое название),school,0202,d-test,")
                        .append("users.csv", "u-z,active," + T + ",true,z,,Зоя,Зайцева,,,,,,,,,")
                        .append("roles.csv", "r-z,active," + T + ",u-z,primary,student,,,s-202,"));
        var reference = run(
                admin,
                TestPackage.headersOnly()
                        .append("users.csv", "u-z,active," + T + ",true,z,,Зоя,Зайцева,,,,,,,,,")
                        .append("roles.csv", "r-z,active," + T + ",u-z,primary,student,,,s-202,"));
        var newSchool = run(
                admin,
                TestPackage.headersOnly().append("orgs.csv", "s-303,active," + T + ",Школа № 303,school,0303,d-test,"));

        assertThat(other.problems())
                .extracting(ReportedProblem::text)
                .containsExactly(
                        "orgs.csv, строка 2, поле sourcedId, значение «s-202»: организация вне вашей области доступа");
        assertThat(reference.problems())
                .extracting(ReportedProblem::text)
                .containsExactly(
                        "roles.csv, строка 2, поле orgSourcedId, значение «s-202»: организация вне вашей области доступа");
        assertThat(newSchool.problems())
                .extracting(ReportedProblem::message)
                .containsExactly(
                        "такой организации нет в системе; заводить организации может оператор города или района");
        assertThat(SchoolData.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void letsADistrictOperatorCreateSchoolsOnlyInTheirDistrict() {
        run(CITY, TestPackage.valid());
        run(CITY, TestPackage.headersOnly().append("orgs.csv", "d-other,active," + T + ",Другой район,district,OTH,,"));
        var operator = SchoolData.districtOperator(SchoolData.district(jdbc, "d-test"));

        var own = run(
                operator,
                TestPackage.headersOnly().append("orgs.csv", "s-404,active," + T + ",Школа № 404,school,0404,d-test,"));
        var foreign = run(
                operator,
                TestPackage.headersOnly()
                        .append("orgs.csv", "s-505,active," + T + ",Школа № 505,school,0505,d-other,")
                        .append("orgs.csv", "d-new,active," + T + ",Новый район,district,NEW,,"));

        assertThat(own.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(foreign.problems())
                .extracting(ReportedProblem::line, ReportedProblem::message)
                .containsExactlyInAnyOrder(
                        tuple(2, "организация вне вашей области доступа"),
                        tuple(3, "такого района нет в системе; заводить районы может только оператор города"));
    }

    @Test
    void acceptsOneRoster11UsersWithRoleColumns() {
        var users =
                """
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
                u-t,active,%1$s,true,s-101,teacher,t,,Нина,Орлова,,,,,,,,
                u-s,active,%1$s,true,s-101,student,s,,Павел,Орлов,,,,,,,05,
                """
                        .formatted(T);
        var report = run(
                CITY,
                TestPackage.headersOnly()
                        .without("roles.csv")
                        .replace("manifest.csv", "oneroster.version,1.2", "oneroster.version,1.1")
                        .replace("manifest.csv", "file.roles,bulk", "file.roles,absent")
                        .append("orgs.csv", "d-test,active," + T + ",Тестовый район,district,TST,,")
                        .append("orgs.csv", "s-101,active," + T + ",Школа № 101,school,0101,d-test,")
                        .append("academicSessions.csv", "y-2027,,,2026/2027,schoolYear,2026-09-01,2027-08-31,,2027")
                        .append("courses.csv", "c-home,,,,Классный час,,,s-101,,")
                        .append("classes.csv", "k-5a,,,5 - A,05,c-home,,homeroom,,s-101,y-2027,,,,")
                        .with("users.csv", users)
                        .append("enrollments.csv", "e-1,,,k-5a,s-101,u-s,student,,,")
                        .append("enrollments.csv", "e-2,,,k-5a,s-101,u-t,teacher,,,"));

        assertThat(report.problems()).isEmpty();
        assertThat(jdbc.sql(
                                """
                                select c.grade || c.letter || ' ' || t.last_name || ' ' || p.last_name
                                from school.class_unit c join school.employee t on t.id = c.homeroom_teacher_id
                                join school.pupil p on p.class_unit_id = c.id""")
                        .query(String.class)
                        .single())
                .isEqualTo("5А Орлова Орлов");
    }

    @Test
    void rollsEverythingBackWhenTheDatabaseFails() {
        jdbc.sql(
                        """
                        create function school.fail_for_test() returns trigger language plpgsql
                        as $$ begin raise exception 'simulated failure'; end $$""")
                .update();
        jdbc.sql(
                        """
                        create trigger fail_for_test before insert on school.journal_teacher
                        for each row execute function school.fail_for_test()""")
                .update();
        try {
            var report = run(CITY, TestPackage.valid());

            assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(report.summary())
                    .startsWith("Данные не загружены: база данных отклонила изменения")
                    .doesNotContain("simulated", "ERROR", "SQL");
            assertThat(SchoolData.counts(jdbc))
                    .allSatisfy((table, n) -> assertThat(n).isZero());
        } finally {
            jdbc.sql("drop function school.fail_for_test() cascade").update();
        }
    }

    @Test
    void refusesUploadsThatAreNoPackages() {
        var text = new ByteArrayResource("sourcedId,status\n".getBytes());

        assertThatThrownBy(() -> imports.run(CITY, 17, text))
                .isInstanceOfSatisfying(MalformedPackageException.class, e -> assertThat(e.reason())
                        .isEqualTo("notZip"));
        assertThatThrownBy(() -> imports.run(CITY, 100L << 20, text))
                .isInstanceOfSatisfying(MalformedPackageException.class, e -> assertThat(e.isTooLarge())
                        .isTrue());
    }

    private ImportReport run(CurrentUser user, TestPackage pkg) {
        var zip = pkg.zip();
        return imports.run(user, zip.length, new ByteArrayResource(zip));
    }

    private static Map<String, Integer> created(ImportReport report) {
        return report.counts().stream().collect(Collectors.toMap(ImportCount::kind, ImportCount::created));
    }
}
