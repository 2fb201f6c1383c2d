package ru.paragraf.sferum.school.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.school.generator.SchoolTables.count;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.TestClock;

/** The demo city as generated: realistic, complete and free of clashes. Generated once for all tests here. */
@SpringBootTest
@Import(TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolDataGeneratorTests {

    @Autowired
    SchoolDataGenerator generator;

    @Autowired
    JdbcClient jdbc;

    GeneratedCity city;

    @BeforeAll
    void generateDemoCity() {
        SchoolTables.clear(jdbc);
        city = generator.generate(CityParameters.demo());
    }

    @Test
    void reportsWhatItWrote() {
        assertThat(city.schools()).hasSize(3);
        assertThat(city.districts()).hasSize(2);
        assertThat(city.weekStart()).isEqualTo(TestClock.MONDAY);
        for (var table : SchoolTables.ALL) {
            assertThat(city.rows(table))
                    .as(table)
                    .isEqualTo(count(jdbc, "select count(*) from school." + table))
                    .isPositive();
        }
    }

    @Test
    void namesSchoolsAsStPetersburgDoes() {
        var names = jdbc.sql(
                        """
                        select o.full_name || '|' || o.short_name || '|' || d.name
                        from school.organization o join school.district d on d.id = o.district_id""")
                .query(String.class)
                .list();
        assertThat(names).hasSize(3).allSatisfy(row -> {
            var parts = row.split("\\|");
            assertThat(parts[0]).startsWith("ГБОУ ").contains(" № ").endsWith(" района Санкт-Петербурга");
            assertThat(parts[1]).matches("ГБОУ (школа|гимназия|лицей) № \\d+");
            assertThat(parts[0]).contains(parts[1].substring(parts[1].indexOf("№")));
            assertThat(parts[0]).contains(parts[2].substring(0, parts[2].length() - 2));
        });
    }

    @Test
    void putsTheWeekIntoTheAcademicYearThatContainsIt() {
        var year = jdbc.sql("select title || ' ' || starts_on || ' ' || ends_on from school.academic_year")
                .query(String.class)
                .single();
        assertThat(year).isEqualTo("2026/2027 2026-09-01 2027-08-31");
    }

    @Test
    void givesEveryClassPupilsAndItsOwnHomeroomTeacher() {
        assertThat(count(jdbc, "select count(*) from school.class_unit")).isGreaterThan(3 * 11);
        assertThat(
                        count(
                                jdbc,
                                """
                        select count(*) from school.class_unit c
                        where not exists (select 1 from school.pupil p where p.class_unit_id = c.id)
                           or c.homeroom_teacher_id is null"""))
                .isZero();
        assertThat(
                        count(
                                jdbc,
                                """
                        select count(*) from (select homeroom_teacher_id from school.class_unit
                                              group by 1 having count(*) > 1) twice"""))
                .isZero();
    }

    @Test
    void givesPupilsBirthDatesThatMatchTheirGrade() {
        var yearStart = LocalDate.of(2026, 9, 1);
        var rows = jdbc.sql(
                        "select c.grade, p.birth_date from school.pupil p join school.class_unit c on c.id = p.class_unit_id")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, LocalDate.class)})
                .list();
        assertThat(rows).allSatisfy(row -> {
            int grade = (int) row[0];
            var age = Period.between((LocalDate) row[1], yearStart);
            int months = age.getYears() * 12 + age.getMonths();
            assertThat(months)
                    .as("age in months in grade " + grade)
                    .isBetween((grade + 5) * 12 + 6, (grade + 6) * 12 + 5);
        });
    }

    @Test
    void givesEveryPupilOneOrTwoParentsAndSomeSiblingsShareThem() {
        assertThat(
                        count(
                                jdbc,
                                """
                        select count(*) from school.pupil p
                        where (select count(*) from school.pupil_parent pp where pp.pupil_id = p.id) not between 1 and 2"""))
                .isZero();
        assertThat(
                        count(
                                jdbc,
                                "select count(*) from (select parent_id from school.pupil_parent group by 1 having count(*) > 1) s"))
                .isPositive();
        assertThat(count(
                        jdbc,
                        "select count(*) from school.parent where phone !~ '^\\+7 \\(\\d{3}\\) \\d{3}-\\d{2}-\\d{2}$'"))
                .isZero();
    }

    @Test
    void agreesSurnamesAndPatronymicsInGender() {
        var names = NamePool.load();
        Set<String> male = new HashSet<>();
        Set<String> female = new HashSet<>();
        names.surnames().forEach(s -> {
            male.add(s.male());
            female.add(s.female());
        });
        var people = jdbc.sql(
                        """
                        select last_name, middle_name from school.employee
                        union all select last_name, middle_name from school.pupil
                        union all select last_name, middle_name from school.parent""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(people).hasSizeGreaterThan(1000).allSatisfy(person -> {
            var patronymic = person[1];
            assertThat(patronymic).matches(".*(ич|на)");
            assertThat(patronymic.endsWith("ич") ? male : female)
                    .as(person[0] + " " + patronymic)
                    .contains(person[0]);
        });
        assertThat(
                        count(
                                jdbc,
                                "select count(*) from school.pupil where middle_name like '%ич' and first_name in ('Анна', 'Мария', 'Алиса')"))
                .isZero();
    }

    @Test
    void hasJournalsOfEveryKindWithoutSubjectChats() {
        assertThat(jdbc.sql("select distinct kind from school.journal")
                        .query(String.class)
                        .set())
                .containsExactlyInAnyOrder("GENERAL_EDUCATION", "EXTRACURRICULAR", "ADDITIONAL_EDUCATION", "ELECTIVE");
        assertThat(count(jdbc, "select count(*) from school.journal where subject_chat_requested"))
                .isZero();
        assertThat(jdbc.sql(
                                """
                                select g.title from school.journal j join school.study_group g on g.id = j.study_group_id
                                join school.subject s on s.id = j.subject_id
                                where s.name = 'Иностранный (английский) язык'""")
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allMatch(title -> title.matches("\\d{1,2}[А-Я], гр\\. [12]"));
    }

    @Test
    void givesEveryJournalATeacherAndLessonsThisWeek() {
        assertThat(count(jdbc, SchoolTables.JOURNALS_WITHOUT_TEACHER_OR_LESSONS))
                .isZero();
    }

    @Test
    void holdsLessonsOnSchoolDaysWithinSchoolHours() {
        var bounds = jdbc.sql(
                        """
                        select min(lesson_date) || ' ' || max(lesson_date) || ' ' || min(starts_at) || ' '
                               || max(starts_at + duration_minutes * interval '1 minute')
                        from school.lesson""")
                .query(String.class)
                .single()
                .split(" ");
        assertThat(LocalDate.parse(bounds[0])).isEqualTo(TestClock.MONDAY);
        assertThat(LocalDate.parse(bounds[1])).isEqualTo(TestClock.MONDAY.plusDays(4));
        assertThat(LocalTime.parse(bounds[2])).isEqualTo(LocalTime.of(8, 30));
        assertThat(LocalTime.parse(bounds[3])).isBefore(LocalTime.of(18, 0));
        assertThat(count(
                        jdbc,
                        "select count(*) from school.lesson where duration_minutes <> 45 or format <> 'IN_PERSON'"))
                .isZero();
    }

    @Test
    void holdsConversationsAboutWhatMattersFirstOnMonday() {
        assertThat(jdbc.sql(
                                """
                                select distinct extract(isodow from l.lesson_date) || ' ' || l.starts_at
                                from school.lesson l join school.journal j on j.id = l.journal_id
                                join school.subject s on s.id = j.subject_id where s.name = 'Разговоры о важном'""")
                        .query(String.class)
                        .list())
                .containsExactly("1 08:30:00");
    }

    @Test
    void teachesEveryClassFourToSevenLessonsADay() {
        var perDay = jdbc.sql(
                        """
                        select min(n) || ' ' || max(n) from (
                          select c.id, l.lesson_date, count(distinct l.starts_at) as n
                          from school.lesson l
                          join school.journal j on j.id = l.journal_id
                          left join school.study_group g on g.id = j.study_group_id
                          join school.class_unit c on c.id = coalesce(j.class_unit_id, g.class_unit_id)
                          where j.kind in ('GENERAL_EDUCATION', 'EXTRACURRICULAR')
                          group by 1, 2) d""")
                .query(String.class)
                .single();
        assertThat(perDay).isIn("4 7", "5 7");
    }

    @Test
    void teachesEveryClassItsWholeCurriculum() {
        var curriculum = GeneratorCatalog.load().curriculum;
        var weekly = jdbc.sql(
                        """
                        select c.grade, count(distinct l.lesson_date || ' ' || l.starts_at) as n
                        from school.lesson l
                        join school.journal j on j.id = l.journal_id
                        left join school.study_group g on g.id = j.study_group_id
                        join school.class_unit c on c.id = coalesce(j.class_unit_id, g.class_unit_id)
                        where j.kind = 'GENERAL_EDUCATION'
                        group by c.id, c.grade""")
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .list();
        assertThat(weekly).hasSizeGreaterThan(30).allSatisfy(row -> assertThat(row[1])
                .as("weekly lessons in grade " + row[0])
                .isEqualTo(
                        curriculum.stream().mapToInt(line -> line.hours(row[0])).sum()));
    }

    @Test
    void neverBooksATeacherTwiceAtOnce() {
        assertThat(count(jdbc, SchoolTables.TEACHER_CLASHES)).isZero();
    }

    @Test
    void neverBooksAClassOrAPupilTwiceAtOnce() {
        assertThat(count(jdbc, SchoolTables.CLASS_CLASHES)).isZero();
        assertThat(count(jdbc, SchoolTables.PUPIL_CLASHES)).isZero();
    }

    @Test
    void publishesPastLessonsAndDraftsFromTodayOn() {
        assertThat(
                        count(
                                jdbc,
                                """
                        select count(*) from school.lesson
                        where (lesson_date < date '2026-11-25') <> (publication = 'PUBLISHED')
                           or publication not in ('PUBLISHED', 'DRAFT')"""))
                .isZero();
        assertThat(count(jdbc, "select count(*) from school.lesson where lesson_date = date '2026-11-25'"))
                .as("today's lessons, drafts")
                .isPositive();
    }

    @Test
    void writesTheWeeksLessonsAsTheWeeklyTimetable() {
        assertThat(
                        count(
                                jdbc,
                                """
                        select count(*) from (
                          select journal_id, extract(isodow from lesson_date)::int, starts_at, duration_minutes
                          from school.lesson
                          except
                          select journal_id, day_of_week, starts_at, duration_minutes from school.timetable_slot) lost"""))
                .isZero();
        assertThat(count(jdbc, "select count(*) from school.timetable_slot"))
                .isEqualTo(count(jdbc, "select count(*) from school.lesson"));
        assertThat(jdbc.sql("select distinct lessons_until from school.timetable")
                        .query(LocalDate.class)
                        .list())
                .as("the week's lessons are written up to its Sunday")
                .containsExactly(TestClock.MONDAY.plusDays(6));
        assertThat(count(jdbc, "select count(*) from school.timetable")).isEqualTo(3);
    }

    @Test
    void keepsTeachingLoadsSensible() {
        var loads = jdbc.sql(
                        """
                        select round(avg(n)) || ' ' || max(n) from (
                          select jt.employee_id, count(*) as n
                          from school.lesson l join school.journal_teacher jt on jt.journal_id = l.journal_id
                          join school.journal j on j.id = l.journal_id
                          where j.kind = 'GENERAL_EDUCATION' group by 1) t""")
                .query(String.class)
                .single()
                .split(" ");
        assertThat(Integer.parseInt(loads[0])).isBetween(12, 26);
        assertThat(Integer.parseInt(loads[1])).isLessThanOrEqualTo(33);
        assertThat(jdbc.sql("select distinct position from school.employee")
                        .query(String.class)
                        .set())
                .contains(
                        "Директор",
                        "Заместитель директора по УВР",
                        "Учитель начальных классов",
                        "Учитель математики",
                        "Учитель русского языка и литературы",
                        "Учитель английского языка",
                        "Педагог дополнительного образования",
                        "Педагог-организатор");
    }

    @Test
    void namesPeopleHandyForDemos() {
        for (var school : city.schools()) {
            assertThat(position(school.adminEmployeeId())).isEqualTo("Заместитель директора по УВР");
            assertThat(school.teacherIds()).hasSize(3).doesNotHaveDuplicates().allSatisfy(teacher -> assertThat(count(
                            jdbc,
                            """
                            select count(*) from school.journal_teacher jt join school.journal j on j.id = jt.journal_id
                            where j.kind = 'GENERAL_EDUCATION' and jt.employee_id = '%s'"""
                                    .formatted(teacher)))
                    .isPositive());
            assertThat(count(
                            jdbc,
                            "select count(*) from school.pupil_parent where pupil_id = '%s' and parent_id = '%s'"
                                    .formatted(school.pupilId(), school.parentId())))
                    .isOne();
        }
    }

    private String position(UUID employee) {
        return jdbc.sql("select position from school.employee where id = :id")
                .param("id", employee)
                .query(String.class)
                .single();
    }
}
