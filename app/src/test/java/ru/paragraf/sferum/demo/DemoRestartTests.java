package ru.paragraf.sferum.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.TestClock;
import ru.paragraf.sferum.TestDatabases;

/**
 * Restarts the application on one database, as embedded mode does with its data folder, on later days: the demo
 * city is loaded by the first start only; every start in demo mode writes the lessons up to three weeks ahead of
 * its day, leaving the lessons already written (and what users did to them) as they are, and prints the logins; a
 * start in production mode does neither.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoRestartTests {

    private static final String LOGINS_BLOCK = "admin1 / demo";
    /** Wednesday 25 November 2026: the load writes 23 November to 20 December. */
    private static final LocalDate LOAD_DAY = TestClock.TODAY;
    /** Saturday 5 December 2026: three weeks ahead of it end on 27 December. */
    private static final LocalDate TEN_DAYS_LATER = LOAD_DAY.plusDays(10);

    private static final String LESSONS = "select l::text from school.lesson l order by id";

    @Test
    void loadsOnceKeepsTheCalendarAheadAndPrintsTheLoginsAtEveryStartInDemoModeOnly(CapturedOutput output) {
        var url = TestDatabases.createDatabase("demo_restart");

        // the first start loads the city with the current week and the three weeks after it
        List<String> loaded;
        String people;
        long weekly;
        UUID published;
        try (var application = start(url, true, LOAD_DAY)) {
            var jdbc = application.getBean(JdbcClient.class);
            people = peopleCounts(jdbc);
            assertThat(lessonDays(jdbc)).isEqualTo("2026-11-23 2026-12-18 20");
            weekly = count(jdbc, "select count(*) from school.lesson where lesson_date < date '2026-11-30'");
            assertThat(count(jdbc, "select count(*) from school.lesson")).isEqualTo(4 * weekly);
            // what a teacher did meanwhile: a chat asked for, a lesson of the coming days held by video and
            // published, another one moved past the calendar's end
            published = draftLessonAfter(jdbc, LOAD_DAY, 0);
            jdbc.sql(
                            """
                            update school.lesson set format = 'VIDEO_CALL', publication = 'PUBLISHED',
                                                     version = version + 2 where id = :id""")
                    .param("id", published)
                    .update();
            jdbc.sql(
                            """
                            update school.journal set subject_chat_requested = true
                            where id = (select journal_id from school.lesson where id = :id)""")
                    .param("id", published)
                    .update();
            jdbc.sql(
                            """
                            update school.lesson set lesson_date = date '2026-12-23', starts_at = '18:00',
                                                     version = version + 1 where id = :id""")
                    .param("id", draftLessonAfter(jdbc, LOAD_DAY, 1))
                    .update();
            loaded = jdbc.sql(LESSONS).query(String.class).list();
        }
        assertThat(output.getOut()).contains("Loaded the demo city", LOGINS_BLOCK);

        // ten days later: the week that is now three weeks ahead is added, nothing else changes
        int mark = output.getOut().length();
        List<String> extended;
        try (var application = start(url, true, TEN_DAYS_LATER)) {
            var jdbc = application.getBean(JdbcClient.class);
            extended = jdbc.sql(LESSONS).query(String.class).list();
            assertThat(extended).containsAll(loaded).hasSize(loaded.size() + (int) weekly);
            assertThat(
                            count(
                                    jdbc,
                                    """
                            select count(*) from school.lesson where lesson_date between date '2026-12-21'
                              and date '2026-12-27' and not (starts_at = '18:00' and lesson_date = date '2026-12-23')
                              and publication = 'DRAFT' and format = 'IN_PERSON'"""))
                    .isEqualTo(weekly);
            assertThat(lessonDays(jdbc)).isEqualTo("2026-11-23 2026-12-25 25");
            assertThat(count(jdbc, "select count(*) from school.journal where subject_chat_requested"))
                    .isOne();
            assertThat(
                            count(
                                    jdbc,
                                    "select count(*) from school.lesson where format = 'VIDEO_CALL' and publication = 'PUBLISHED'"))
                    .isOne();
            assertThat(peopleCounts(jdbc)).isEqualTo(people);
        }
        var secondStart = output.getOut().substring(mark);
        assertThat(secondStart)
                .contains(LOGINS_BLOCK, "Wrote the demo city's lessons up to 2026-12-27: " + weekly + " new lessons")
                .doesNotContain("Loaded the demo city");

        // the same day again: nothing to add
        mark = output.getOut().length();
        try (var application = start(url, true, TEN_DAYS_LATER)) {
            var jdbc = application.getBean(JdbcClient.class);
            assertThat(jdbc.sql(LESSONS).query(String.class).list()).isEqualTo(extended);
        }
        assertThat(output.getOut().substring(mark)).contains(LOGINS_BLOCK).doesNotContain("Wrote the demo city's");

        // production mode, a month later: no demo at all
        mark = output.getOut().length();
        try (var application = start(url, false, LOAD_DAY.plusMonths(1))) {
            var jdbc = application.getBean(JdbcClient.class);
            assertThat(jdbc.sql(LESSONS).query(String.class).list()).isEqualTo(extended);
            assertThat(peopleCounts(jdbc)).isEqualTo(people);
        }
        assertThat(output.getOut().substring(mark)).doesNotContain(LOGINS_BLOCK);
    }

    /** The application on the database, with its clock at 10:00 of the day in St Petersburg. */
    private static ConfigurableApplicationContext start(String url, boolean demo, LocalDate day) {
        var clock = Clock.fixed(day.atTime(10, 0).atZone(TestClock.ZONE).toInstant(), TestClock.ZONE);
        return new SpringApplicationBuilder(SferumApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("fixedClock", clock))
                .properties(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "sferum.demo.enabled=" + demo,
                        "server.port=0")
                .run();
    }

    /** The first and the last day with lessons and how many days have lessons. */
    private static String lessonDays(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select min(lesson_date) || ' ' || max(lesson_date) || ' ' || count(distinct lesson_date)
                        from school.lesson where starts_at < '18:00'""")
                .query(String.class)
                .single();
    }

    private static UUID draftLessonAfter(JdbcClient jdbc, LocalDate day, int skip) {
        return jdbc.sql(
                        """
                        select l.id from school.lesson l join school.journal j on j.id = l.journal_id
                        where j.kind = 'GENERAL_EDUCATION' and l.lesson_date > :day and l.publication = 'DRAFT'
                        order by l.lesson_date, l.starts_at, l.id offset :skip limit 1""")
                .param("day", day)
                .param("skip", skip)
                .query(UUID.class)
                .single();
    }

    private static String peopleCounts(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select (select count(*) from school.organization) || ' ' || (select count(*) from school.pupil)
                               || ' ' || (select count(*) from accounts.user_account) || ' '
                               || (select count(*) from demo.demo_login)""")
                .query(String.class)
                .single();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
