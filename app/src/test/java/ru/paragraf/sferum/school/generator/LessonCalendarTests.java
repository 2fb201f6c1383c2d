package ru.paragraf.sferum.school.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.school.generator.SchoolTables.count;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.TestClock;

/**
 * The lessons of the demo city's timetable written forward from its generated week: the same week again and again,
 * published before today and drafts from today on, never touching a lesson already written, once even when two
 * nodes write at the same time.
 */
@SpringBootTest
@Import(LessonCalendarTests.MovableClockConfiguration.class)
class LessonCalendarTests {

    static final LocalDate MONDAY = TestClock.MONDAY;
    static final LocalDate GENERATED_UNTIL = MONDAY.plusDays(6);
    static final LocalDate FOURTH_SUNDAY = MONDAY.plusWeeks(3).plusDays(6);

    static final String ROWS = """
            select l::text from school.lesson l order by id""";
    static final String OUTSIDE_THE_TIMETABLE =
            """
            select count(*) from (
              select journal_id, extract(isodow from lesson_date)::int, starts_at, duration_minutes from school.lesson
              except
              select journal_id, day_of_week, starts_at, duration_minutes from school.timetable_slot) odd""";

    @Autowired
    SchoolDataGenerator generator;

    @Autowired
    LessonCalendar calendar;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    long weekly;

    @BeforeEach
    void generateTheDemoCityOnWednesday() {
        clock.setDay(TestClock.TODAY);
        SchoolTables.clear(jdbc);
        generator.generate(CityParameters.demo());
        weekly = count(jdbc, "select count(*) from school.lesson");
    }

    @Test
    void writesTheFollowingWeeksAsTheTimetableHasThemAsDrafts() {
        int written = calendar.extendThrough(FOURTH_SUNDAY);

        assertThat(written).isEqualTo(3 * weekly);
        assertThat(jdbc.sql(
                                """
                                select week || ' ' || n from (select date_trunc('week', lesson_date)::date as week, count(*) as n
                                                    from school.lesson group by 1) w order by week
                                """)
                        .query(String.class)
                        .list())
                .containsExactly(
                        MONDAY + " " + weekly,
                        MONDAY.plusWeeks(1) + " " + weekly,
                        MONDAY.plusWeeks(2) + " " + weekly,
                        MONDAY.plusWeeks(3) + " " + weekly);
        assertThat(count(jdbc, OUTSIDE_THE_TIMETABLE)).isZero();
        assertThat(count(
                        jdbc,
                        """
                        select count(*) from school.lesson where lesson_date > date '%s'
                          and (publication <> 'DRAFT' or format <> 'IN_PERSON' or duration_minutes <> 45
                               or extract(isodow from lesson_date) > 5)"""
                                .formatted(GENERATED_UNTIL)))
                .isZero();
        assertThat(count(jdbc, SchoolTables.TEACHER_CLASHES)).isZero();
        assertThat(count(jdbc, SchoolTables.CLASS_CLASHES)).isZero();
        assertThat(count(jdbc, SchoolTables.PUPIL_CLASHES)).isZero();
        assertThat(jdbc.sql("select distinct lessons_until from school.timetable")
                        .query(LocalDate.class)
                        .list())
                .containsExactly(FOURTH_SUNDAY);
    }

    @Test
    void continuesEveryJournalsTopicsInTheOrderOfTheCatalog() {
        calendar.extendThrough(FOURTH_SUNDAY);

        var catalog = GeneratorCatalog.load();
        var journals = jdbc.sql(
                        "select j.id, s.name from school.journal j join school.subject s on s.id = j.subject_id")
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .list();
        int followed = 0;
        for (var journal : journals) {
            var subject = (String) journal[1];
            var topics = catalog.topics(subject);
            var written = jdbc.sql(
                            "select topic from school.lesson where journal_id = :id order by lesson_date, starts_at")
                    .param("id", journal[0])
                    .query(String.class)
                    .list();
            assertThat(written).as(subject).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 1; i < written.size() && !topics.isEmpty(); i++) {
                assertThat(topics.indexOf(written.get(i)))
                        .as("the topic after «%s» in %s", written.get(i - 1), subject)
                        .isEqualTo((topics.indexOf(written.get(i - 1)) + 1) % topics.size());
                followed++;
            }
        }
        assertThat(followed).isGreaterThan(1000);
    }

    @Test
    void leavesWrittenLessonsAsTheyAreAndWritesEachDayOnce() {
        // what users did meanwhile: a lesson published as a video lesson, one moved beyond the calendar, a topic
        var lessons = jdbc.sql(
                        "select id from school.lesson where publication = 'DRAFT' order by lesson_date, id limit 2")
                .query(UUID.class)
                .list();
        jdbc.sql(
                        """
                        update school.lesson set format = 'VIDEO_CALL', publication = 'PUBLISHED', version = 1
                        where id = :id""")
                .param("id", lessons.get(0))
                .update();
        jdbc.sql(
                        """
                        update school.lesson set lesson_date = :day, starts_at = '19:00', topic = 'Перенесён', version = 1
                        where id = :id""")
                .param("id", lessons.get(1))
                .param("day", FOURTH_SUNDAY.plusDays(3))
                .update();
        var before = jdbc.sql(ROWS).query(String.class).list();

        assertThat(calendar.extendThrough(FOURTH_SUNDAY)).isEqualTo(3 * weekly);
        var extended = jdbc.sql(ROWS).query(String.class).list();
        assertThat(extended).containsAll(before).hasSize(before.size() + 3 * (int) weekly);

        assertThat(calendar.extendThrough(FOURTH_SUNDAY)).isZero();
        assertThat(calendar.extendThrough(FOURTH_SUNDAY.minusWeeks(2))).isZero();
        assertThat(jdbc.sql(ROWS).query(String.class).list()).isEqualTo(extended);

        assertThat(calendar.extendThrough(FOURTH_SUNDAY.plusWeeks(1))).isEqualTo(weekly);
        assertThat(jdbc.sql(ROWS).query(String.class).list()).containsAll(extended);
        assertThat(count(
                        jdbc,
                        """
                        select count(*) from school.lesson
                        where lesson_date = date '%s' and starts_at = '19:00' and topic = 'Перенесён'"""
                                .formatted(FOURTH_SUNDAY.plusDays(3))))
                .as("the moved lesson stays beside the timetable's lessons of its new day")
                .isOne();
    }

    @Test
    void publishesTheDaysThatPassedWhileTheCalendarStoodStill() {
        var laterWednesday = MONDAY.plusWeeks(5).plusDays(2);
        clock.setDay(laterWednesday);

        calendar.extendThrough(laterWednesday.plusWeeks(3).plusDays(4));

        assertThat(count(
                        jdbc,
                        """
                        select count(*) from school.lesson where lesson_date > date '%s'
                          and (lesson_date < date '%s') <> (publication = 'PUBLISHED')"""
                                .formatted(GENERATED_UNTIL, laterWednesday)))
                .isZero();
        assertThat(count(
                        jdbc,
                        "select count(*) from school.lesson where lesson_date = date '%s' and publication = 'DRAFT'"
                                .formatted(laterWednesday)))
                .isPositive();
        assertThat(count(jdbc, "select count(*) from school.lesson")).isEqualTo(9 * weekly);
    }

    @Test
    void writesNoLessonAfterTheAcademicYear() {
        var lastDay = MONDAY.plusDays(10);
        jdbc.sql("update school.academic_year set ends_on = :lastDay")
                .param("lastDay", lastDay)
                .update();

        calendar.extendThrough(FOURTH_SUNDAY);

        assertThat(jdbc.sql("select max(lesson_date) from school.lesson")
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(lastDay);
    }

    @Test
    void twoNodesWritingAtOnceWriteEachLessonOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            tasks.add(() -> calendar.extendThrough(FOURTH_SUNDAY));
            tasks.add(() -> calendar.extendThrough(FOURTH_SUNDAY));
            int written = 0;
            for (var result : pool.invokeAll(tasks)) {
                written += result.get();
            }
            assertThat(written).isEqualTo(3 * weekly);
        } finally {
            pool.shutdown();
        }
        assertThat(count(jdbc, "select count(*) from school.lesson")).isEqualTo(4 * weekly);
        assertThat(count(jdbc, SchoolTables.CLASS_CLASHES)).isZero();
    }

    /** The application's clock, at 10:00 in St Petersburg on the day the test sets. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>();

        MovableClock() {
            setDay(TestClock.TODAY);
        }

        void setDay(LocalDate day) {
            now.set(day.atTime(10, 0).atZone(TestClock.ZONE).toInstant());
        }

        @Override
        public ZoneId getZone() {
            return TestClock.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
