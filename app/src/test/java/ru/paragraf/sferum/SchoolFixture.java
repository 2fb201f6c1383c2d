package ru.paragraf.sferum;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;

/**
 * A small, fully known piece of a city for tests: district 1 with schools A and B, district 2 with school C,
 * one account of every role. Lessons lie in the week of {@code today}.
 */
public final class SchoolFixture {

    public static final String PASSWORD = "fixture-password";

    public static final UUID DISTRICT_1 = id(1), DISTRICT_2 = id(2);
    public static final UUID SCHOOL_A = id(11), SCHOOL_B = id(12), SCHOOL_C = id(13);
    public static final UUID YEAR = id(20);
    public static final UUID MATHS = id(21), RUSSIAN = id(22), CHESS = id(23);
    public static final UUID ADMIN_A = id(31), TEACHER_A1 = id(32), TEACHER_A2 = id(33);
    public static final UUID ADMIN_B = id(34), TEACHER_B1 = id(35), ADMIN_C = id(36), TEACHER_C1 = id(37);
    public static final UUID CLASS_A_7A = id(41), CLASS_B_5B = id(42), CLASS_C_9V = id(43);
    public static final UUID PUPIL_A = id(51), PUPIL_B = id(52), PARENT_A = id(53);
    public static final UUID CHESS_CLUB_A = id(55);
    public static final UUID JOURNAL_A_MATHS = id(61), JOURNAL_A_RUSSIAN = id(62), JOURNAL_A_CHESS = id(63);
    public static final UUID JOURNAL_B_MATHS = id(64), JOURNAL_C_MATHS = id(65);

    private SchoolFixture() {}

    public static UUID id(int n) {
        return new UUID(0x5c4001L, n);
    }

    /**
     * Inserts the fixture unless it is there already: test classes with equal configuration share one Spring
     * context and thus one database.
     */
    public static synchronized void insert(JdbcClient jdbc, AccountRegistration accounts, LocalDate today) {
        var present = jdbc.sql("select count(*) from school.district where id = :id")
                .param("id", DISTRICT_1)
                .query(Integer.class)
                .single();
        if (present > 0) {
            return;
        }
        var yearStart = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        run(jdbc, "insert into school.district (id, code, name) values (?, ?, ?)", DISTRICT_1, "01", "Район 1");
        run(jdbc, "insert into school.district (id, code, name) values (?, ?, ?)", DISTRICT_2, "02", "Район 2");
        school(jdbc, SCHOOL_A, DISTRICT_1, "A-001", "Школа A");
        school(jdbc, SCHOOL_B, DISTRICT_1, "B-002", "Школа B");
        school(jdbc, SCHOOL_C, DISTRICT_2, "C-003", "Школа C");
        run(
                jdbc,
                "insert into school.academic_year (id, title, starts_on, ends_on) values (?, ?, ?, ?)",
                YEAR,
                yearStart.getYear() + "/" + (yearStart.getYear() + 1),
                yearStart,
                yearStart.plusYears(1).minusDays(1));
        run(jdbc, "insert into school.subject (id, name) values (?, ?)", MATHS, "Математика");
        run(jdbc, "insert into school.subject (id, name) values (?, ?)", RUSSIAN, "Русский язык");
        run(jdbc, "insert into school.subject (id, name) values (?, ?)", CHESS, "Шахматы");
        employee(jdbc, ADMIN_A, SCHOOL_A, "Админова", "Анна", "Директор");
        employee(jdbc, TEACHER_A1, SCHOOL_A, "Учителев", "Пётр", "Учитель математики");
        employee(jdbc, TEACHER_A2, SCHOOL_A, "Словесникова", "Мария", "Учитель русского языка и литературы");
        employee(jdbc, ADMIN_B, SCHOOL_B, "Бэшкина", "Вера", "Директор");
        employee(jdbc, TEACHER_B1, SCHOOL_B, "Бэшкин", "Олег", "Учитель математики");
        employee(jdbc, ADMIN_C, SCHOOL_C, "Цешкина", "Ольга", "Директор");
        employee(jdbc, TEACHER_C1, SCHOOL_C, "Цешкин", "Иван", "Учитель математики");
        classUnit(jdbc, CLASS_A_7A, SCHOOL_A, 7, "А");
        classUnit(jdbc, CLASS_B_5B, SCHOOL_B, 5, "Б");
        classUnit(jdbc, CLASS_C_9V, SCHOOL_C, 9, "В");
        run(
                jdbc,
                "insert into school.pupil (id, organization_id, class_unit_id, last_name, first_name) values (?, ?, ?, ?, ?)",
                PUPIL_A,
                SCHOOL_A,
                CLASS_A_7A,
                "Ученикова",
                "Алиса");
        run(
                jdbc,
                "insert into school.pupil (id, organization_id, class_unit_id, last_name, first_name) values (?, ?, ?, ?, ?)",
                PUPIL_B,
                SCHOOL_B,
                CLASS_B_5B,
                "Бэшкин",
                "Борис");
        run(
                jdbc,
                "insert into school.parent (id, organization_id, last_name, first_name) values (?, ?, ?, ?)",
                PARENT_A,
                SCHOOL_A,
                "Ученикова",
                "Елена");
        run(jdbc, "insert into school.pupil_parent (pupil_id, parent_id) values (?, ?)", PUPIL_A, PARENT_A);
        run(
                jdbc,
                "insert into school.study_group (id, organization_id, academic_year_id, title) values (?, ?, ?, ?)",
                CHESS_CLUB_A,
                SCHOOL_A,
                YEAR,
                "Шахматный клуб");
        run(
                jdbc,
                "insert into school.study_group_member (study_group_id, pupil_id) values (?, ?)",
                CHESS_CLUB_A,
                PUPIL_A);
        journal(jdbc, JOURNAL_A_MATHS, SCHOOL_A, "GENERAL_EDUCATION", MATHS, CLASS_A_7A, null, TEACHER_A1);
        journal(jdbc, JOURNAL_A_RUSSIAN, SCHOOL_A, "GENERAL_EDUCATION", RUSSIAN, CLASS_A_7A, null, TEACHER_A2);
        journal(jdbc, JOURNAL_A_CHESS, SCHOOL_A, "ADDITIONAL_EDUCATION", CHESS, null, CHESS_CLUB_A, TEACHER_A1);
        journal(jdbc, JOURNAL_B_MATHS, SCHOOL_B, "GENERAL_EDUCATION", MATHS, CLASS_B_5B, null, TEACHER_B1);
        journal(jdbc, JOURNAL_C_MATHS, SCHOOL_C, "GENERAL_EDUCATION", MATHS, CLASS_C_9V, null, TEACHER_C1);
        var monday = today.with(java.time.DayOfWeek.MONDAY);
        lesson(jdbc, id(71), JOURNAL_A_MATHS, SCHOOL_A, monday, "09:00", "Линейные уравнения", "PUBLISHED");
        lesson(jdbc, id(72), JOURNAL_A_MATHS, SCHOOL_A, monday.plusDays(2), "10:00", "Системы уравнений", "DRAFT");
        lesson(jdbc, id(73), JOURNAL_A_RUSSIAN, SCHOOL_A, monday.plusDays(1), "09:00", "Причастие", "PUBLISHED");
        lesson(jdbc, id(74), JOURNAL_A_CHESS, SCHOOL_A, monday.plusDays(3), "15:30", "Дебют", "PUBLISHED");
        lesson(jdbc, id(75), JOURNAL_B_MATHS, SCHOOL_B, monday, "09:00", "Дроби", "PUBLISHED");
        lesson(jdbc, id(76), JOURNAL_C_MATHS, SCHOOL_C, monday, "09:00", "Квадратные уравнения", "PUBLISHED");
        accounts.registerAll(
                List.of(
                        NewAccount.cityOperator("city", "Оператор города"),
                        NewAccount.districtOperator("district1", "Оператор района 1", DISTRICT_1),
                        NewAccount.districtOperator("district2", "Оператор района 2", DISTRICT_2),
                        NewAccount.schoolAdmin("adminA", "Админова А.", SCHOOL_A, ADMIN_A),
                        NewAccount.schoolAdmin("adminB", "Бэшкина В.", SCHOOL_B, ADMIN_B),
                        NewAccount.teacher("teacherA1", "Учителев П.", SCHOOL_A, TEACHER_A1),
                        NewAccount.pupil("pupilA", "Ученикова А.", SCHOOL_A, PUPIL_A),
                        NewAccount.parent("parentA", "Ученикова Е.", SCHOOL_A, PARENT_A)),
                PASSWORD);
    }

    private static void school(JdbcClient jdbc, UUID id, UUID district, String code, String name) {
        run(
                jdbc,
                "insert into school.organization (id, district_id, code, short_name, full_name) values (?, ?, ?, ?, ?)",
                id,
                district,
                code,
                name,
                name);
    }

    private static void employee(
            JdbcClient jdbc, UUID id, UUID school, String lastName, String firstName, String position) {
        run(
                jdbc,
                "insert into school.employee (id, organization_id, last_name, first_name, position) values (?, ?, ?, ?, ?)",
                id,
                school,
                lastName,
                firstName,
                position);
    }

    private static void classUnit(JdbcClient jdbc, UUID id, UUID school, int grade, String letter) {
        run(
                jdbc,
                "insert into school.class_unit (id, organization_id, academic_year_id, grade, letter) values (?, ?, ?, ?, ?)",
                id,
                school,
                YEAR,
                grade,
                letter);
    }

    private static void journal(
            JdbcClient jdbc,
            UUID id,
            UUID school,
            String kind,
            UUID subject,
            UUID classUnit,
            UUID group,
            UUID teacher) {
        run(
                jdbc,
                """
                insert into school.journal (id, organization_id, academic_year_id, kind, subject_id, class_unit_id, study_group_id)
                values (?, ?, ?, ?, ?, ?, ?)""",
                id,
                school,
                YEAR,
                kind,
                subject,
                classUnit,
                group);
        run(jdbc, "insert into school.journal_teacher (journal_id, employee_id) values (?, ?)", id, teacher);
    }

    private static void lesson(
            JdbcClient jdbc,
            UUID id,
            UUID journal,
            UUID school,
            LocalDate date,
            String time,
            String topic,
            String publication) {
        run(
                jdbc,
                """
                insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at, duration_minutes, topic, publication)
                values (?, ?, ?, ?, cast(? as time), 45, ?, ?)""",
                id,
                journal,
                school,
                date,
                time,
                topic,
                publication);
    }

    private static void run(JdbcClient jdbc, String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }
}
