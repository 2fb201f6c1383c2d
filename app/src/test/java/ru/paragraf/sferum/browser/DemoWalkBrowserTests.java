package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SferumApplication;

/**
 * The README's walk through the demo, clicked in Chromium against the embedded default as it ships, on a Saturday
 * and on a Monday: the application's clock runs from 10:00 of the next such day (so the day lasts the whole walk,
 * and VK's emulator sees the lessons in the future too). The school admin enters the community id and token from the
 * Demo page in «База ссылок» and adds the SFERUM_SYNC task; a teacher links a VK ID through the emulator's VK ID
 * login page; in a general-education journal the teacher switches «Чат по предмету» on, holds a draft lesson of the
 * coming days by video and publishes it; the journal shows the chat and the call link within seconds, without a
 * reload; the pupil's diary shows both. Screenshots: target/screenshots/walk-saturday-*.png, walk-monday-*.png.
 */
class DemoWalkBrowserTests {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final String PUPIL = "pupil1-0001";
    static final DateTimeFormatter ROW_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @ParameterizedTest(name = "on a {0}")
    @EnumSource(
            value = DayOfWeek.class,
            names = {"SATURDAY", "MONDAY"})
    void theReadmesWalkWorks(DayOfWeek weekday, @TempDir Path directory) {
        var today = LocalDate.now(ZONE).with(TemporalAdjusters.next(weekday));
        var now = today.atTime(10, 0).atZone(ZONE).toInstant();
        var clock = Clock.offset(Clock.system(ZONE), Duration.between(Instant.now(), now));
        try (var application = start(directory, clock);
                var browser = new Browser(
                        "http://localhost:" + application.getEnvironment().getProperty("local.server.port"))) {
            var jdbc = application.getBean(JdbcClient.class);
            var steps = new BrowserSteps(browser, "walk-" + weekday.name().toLowerCase(Locale.ROOT));
            assertThat(LocalDate.now(application.getBean(Clock.class))).isEqualTo(today);
            assertThat(count(
                            jdbc,
                            "select count(*) from school.lesson where (lesson_date < :today) <> (publication = 'PUBLISHED')",
                            today))
                    .as("lessons before today published, from today on drafts")
                    .isZero();
            assertThat(count(jdbc, "select count(*) from school.lesson where lesson_date > :today", today))
                    .as("lessons of the coming days")
                    .isPositive();

            // the school admin: the hand-down from the Demo page into «База ссылок», and the exchange task
            var handDown = steps.handDown(1);
            browser.logIn("admin1", "demo");
            steps.enterCommunity(handDown);
            steps.addSyncTask();
            steps.logOut();

            // a teacher of that school links a VK ID with the VK test account
            browser.logIn(handDown.teacherLogin(), "demo");
            steps.linkVkId(handDown);

            // in a general-education journal (the featured pupil's): the chat, and a lesson of the coming days
            var journal = journalOfThePupil(jdbc, handDown.teacherLogin());
            browser.open("/"); // the diary is the portal's: back to «Параграф», where a teacher starts at the journals
            browser.click(By.id("nav-journals"));
            browser.click(By.cssSelector("a.journal-link[href$='/journals/" + journal + "']"));
            assertThat(browser.text(By.id("journal-kind"))).isEqualTo("Общеобразовательный");
            steps.switchSubjectChatOn();
            var lesson = firstDraftAfter(browser, today);
            assertThat(lesson.day()).as("a lesson of the coming days").isAfter(today);
            assertThat(publication(jdbc, lesson.id()))
                    .as("unpublished until now")
                    .isEqualTo("DRAFT");
            steps.holdByVideo(lesson.id());
            var links = steps.publishAndAwaitTheLinks(lesson.id());
            assertThat(publication(jdbc, lesson.id())).isEqualTo("PUBLISHED");
            steps.logOut();

            // the pupil's diary: the lesson with its call link, and the chat with its invitation
            browser.logIn(PUPIL, "demo");
            steps.pupilFindsBothLinks(lesson.id(), lesson.day(), journal, chatTitle(jdbc, journal), links);
            steps.logOut();
        }
    }

    private static ConfigurableApplicationContext start(Path directory, Clock clock) {
        return new SpringApplicationBuilder(SferumApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("walkClock", clock))
                .run(
                        "--server.port=0",
                        "--sferum.embedded.database.data-directory=" + directory.resolve("pg"),
                        "--sferum.demo.enabled=true",
                        "--spring.main.banner-mode=off");
    }

    private record LessonRow(UUID id, LocalDate day) {}

    /**
     * The journal's first unpublished lesson after today, as its row shows it. The page shows today's month; on its
     * last days the coming lessons are in the next one, and the teacher clicks «→» to it.
     */
    private static LessonRow firstDraftAfter(Browser browser, LocalDate today) {
        var month = YearMonth.from(today);
        for (int months = 0; months < 2; months++, month = month.plusMonths(1)) {
            if (months > 0) {
                browser.click(By.id("month-next"));
            }
            browser.waitFor(By.cssSelector("#month-picker li.active a[data-month='" + month + "']"));
            for (var row : browser.driver().findElements(By.cssSelector("#lessons tbody tr"))) {
                var date = row.findElement(By.xpath("td[1]")).getText();
                var day = LocalDate.parse(date.substring(date.length() - 10), ROW_DATE);
                var publication =
                        row.findElement(By.className("lesson-publication")).getText();
                if (day.isAfter(today) && publication.equals("Не опубликован")) {
                    return new LessonRow(UUID.fromString(row.getAttribute("id").substring("lesson-".length())), day);
                }
            }
        }
        throw new AssertionError("No unpublished lesson after " + today + " in the journal");
    }

    /** The teacher's general-education journal that the featured pupil attends, with the class or a group. */
    private static UUID journalOfThePupil(JdbcClient jdbc, String teacher) {
        return jdbc.sql(
                        """
                        select j.id from accounts.user_account t
                        join school.journal_teacher jt on jt.employee_id = t.employee_id
                        join school.journal j on j.id = jt.journal_id and j.kind = 'GENERAL_EDUCATION'
                        join school.subject s on s.id = j.subject_id
                        join accounts.user_account a on a.username = :pupil
                        join school.pupil p on p.id = a.pupil_id
                        where t.username = :teacher
                          and (j.class_unit_id = p.class_unit_id
                               or exists (select 1 from school.study_group_member m
                                          where m.study_group_id = j.study_group_id and m.pupil_id = p.id))
                        order by s.name limit 1""")
                .param("teacher", teacher)
                .param("pupil", PUPIL)
                .query(UUID.class)
                .single();
    }

    private static String chatTitle(JdbcClient jdbc, UUID journal) {
        return jdbc.sql("select chat_title from school.sync_journal where journal_id = :journal")
                .param("journal", journal)
                .query(String.class)
                .single();
    }

    private static String publication(JdbcClient jdbc, UUID lesson) {
        return jdbc.sql("select publication from school.lesson where id = :id")
                .param("id", lesson)
                .query(String.class)
                .single();
    }

    private static long count(JdbcClient jdbc, String sql, LocalDate today) {
        return jdbc.sql(sql).param("today", today).query(Long.class).single();
    }
}
