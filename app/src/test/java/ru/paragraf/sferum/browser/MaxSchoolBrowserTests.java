package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.browser.BrowserSteps.eventually;
import static ru.paragraf.sferum.browser.BrowserSteps.row;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.maxemulator.EmulatorSnapshot;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.sferum.SferumApplication;

/**
 * Issue 18's acceptance 1 in Chromium against the embedded default as it ships (the in-process MAX emulator, the demo
 * city and its schools' bots), school 1 working in MAX: the school admin enters the bot's token from the Demo page in
 * «База ссылок» (verified), adds the exchange task and lets parents into subject chats; the teacher takes the
 * journal's code («Показать код»), and through the emulator's person API (HTTP) makes a chat, adds the bot, makes it
 * admin and sends the code: the journal shows the chat «создан»; the teacher, a pupil and her parent take the deep
 * link in the diary's «Чаты» and open it in MAX (person API): they are put into the chat; the teacher pastes a video
 * link on a lesson of the coming days and publishes it: the diary shows the link, and the chat gets it; the pupil
 * moves to another class and the exchange task's run takes her out of the chat. Screenshots:
 * target/screenshots/max-school-*.png.
 */
class MaxSchoolBrowserTests {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final String PUPIL = "pupil1-0001";
    static final String PARENT = "parent1-0001";
    static final String VIDEO_LINK = "https://telemost.yandex.ru/j/12345678901234";
    static final DateTimeFormatter ROW_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Test
    void aMaxSchoolFromTheBotsTokenToAPupilMovedOutOfTheChat(@TempDir Path directory) {
        // a Tuesday at 10:00: lessons of the coming days are drafts, and the day lasts the whole walk
        var today = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        var now = today.atTime(10, 0).atZone(ZONE).toInstant();
        var clock = Clock.offset(Clock.system(ZONE), Duration.between(Instant.now(), now));
        try (var application = start(directory, clock);
                var browser = new Browser(
                        "http://localhost:" + application.getEnvironment().getProperty("local.server.port"))) {
            var jdbc = application.getBean(JdbcClient.class);
            var max = application.getBean(MaxEmulator.class);
            var phone = new MaxPersonApi(max.baseUrl());
            var steps = new BrowserSteps(browser, "max-school");
            var school = school(jdbc);

            // the Demo page: school 1's bot and its token
            browser.open("/demo");
            var botUsername = browser.text(By.cssSelector("#demo-bot-1 .demo-bot-username"))
                    .substring(1);
            var botToken = browser.text(By.cssSelector("#demo-bot-1 .demo-bot-token"));
            var botId = max.snapshot().bots().stream()
                    .filter(bot -> bot.name().equals(botUsername))
                    .findFirst()
                    .orElseThrow()
                    .userId();
            steps.scrollTo(By.id("demo-bot-1"));
            steps.shot("01-demo-bot");

            // the school admin: MAX and the bot's token in «База ссылок», the exchange task, parents in chats
            browser.logIn("admin1", "demo");
            browser.click(By.id("nav-readiness"));
            steps.scrollTo(By.id("open-linkbase"));
            browser.click(By.id("open-linkbase"));
            browser.click(By.id("messenger-max"));
            browser.type(By.id("botToken"), botToken);
            steps.shot("02-linkbase-max-token");
            browser.driver().findElement(By.id("botToken")).sendKeys(Keys.ENTER);
            assertThat(browser.text(By.id("bot-state"))).isEqualTo("@" + botUsername + ", проверено ✓");
            assertThat(browser.driver().getPageSource()).doesNotContain(botToken);
            steps.shot("03-linkbase-bot-verified");
            steps.addSyncTask();
            browser.open("/orgs/" + school + "/chat-policy");
            browser.click(By.id("parents-in-chats"));
            eventually(Duration.ofSeconds(10))
                    .until(() -> browser.text(By.id("chat-policy-updated")).startsWith("Изменено"));
            steps.shot("04-parents-in-chats");
            steps.logOut();

            // the teacher: «Чат по предмету» on, and the code from the MAX card
            var journal = journalOfThePupil(jdbc);
            browser.logIn(journal.teacher(), "demo");
            browser.open("/journals/" + journal.id());
            assertThat(browser.text(By.id("chat-adoption-steps"))).contains("@" + botUsername);
            browser.click(By.id("subject-chat-switch"));
            eventually(Duration.ofSeconds(10))
                    .until(() -> browser.waitFor(By.id("subject-chat-switch")).isSelected());
            browser.click(By.id("chat-adoption-show-code"));
            var code = browser.text(By.id("chat-adoption-code-value"));
            assertThat(code).matches("[A-Z0-9]{8}");
            steps.shot("05-journal-adoption-code");

            // in MAX (the emulator's person API): the teacher makes the chat, adds the bot as admin, sends the code
            var teacherMax = phone.addUser("Учитель", "Школы 1");
            var pupilMax = phone.addUser("Ученица", "Школы 1");
            var parentMax = phone.addUser("Родитель", "Школы 1");
            var chat = phone.createChat(teacherMax, "Наш чат по предмету");
            phone.addBot(chat, teacherMax, botId);
            phone.makeAdmin(chat, teacherMax, botId);
            phone.send(chat, teacherMax, code);

            // the journal shows the chat «создан» (the adoption card asks for no polling: the teacher reloads)
            eventually(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        browser.open("/journals/" + journal.id());
                        return browser.driver()
                                        .findElements(By.id("chat-adoption"))
                                        .isEmpty()
                                && browser.text(By.id("subject-chat-state")).equals("создан");
                    });
            var title = chatTitle(jdbc, journal.id());
            assertThat(max.chat(chat).title()).as("the bot renamed the chat").isEqualTo(title);
            assertThat(max.chat(chat).texts())
                    .anySatisfy(text -> assertThat(text).startsWith("Чат привязан к журналу"));
            steps.shot("06-journal-chat-created");

            // the teacher links MAX from «Чаты» too: the engine keeps the journal's teachers by their MAX ids
            linkMax(browser, steps, phone, teacherMax, botUsername, "07-teacher");
            steps.logOut();

            // the pupil and her parent link MAX from the diary's «Чаты»: the bot puts them into the chat
            browser.logIn(PUPIL, "demo");
            browser.open("/diary/chats");
            awaitMemberState(browser, journal.id(), "привяжите MAX");
            steps.shot("08-pupil-chats-not-linked");
            linkMax(browser, steps, phone, pupilMax, botUsername, "09-pupil");
            eventually(Duration.ofSeconds(60)).until(() -> members(max, chat).contains(pupilMax));
            awaitMemberState(browser, journal.id(), "вы в чате");
            steps.shot("10-pupil-in-chat");
            steps.logOut();

            // the parent opens the deep link on «Телефон MAX», the emulator's page linked from the Demo page
            browser.open("/demo");
            var phoneUrl = browser.waitFor(By.id("demo-max-phone-link")).getAttribute("href");
            assertThat(phoneUrl).isEqualTo(max.baseUrl() + "/_emulator/phone");
            browser.logIn(PARENT, "demo");
            browser.open("/diary/chats");
            browser.click(By.id("max-link"));
            var parentLink = browser.waitFor(By.id("max-deep-link")).getAttribute("href");
            assertThat(browser.waitFor(By.cssSelector("#chat-" + journal.id() + " .diary-chat-link-max"))
                            .getAttribute("href"))
                    .as("the chat's line gives the deep link too")
                    .isEqualTo(parentLink);
            steps.shot("11-parent-max-deep-link");
            browser.driver().get(phoneUrl + "?as=" + parentMax);
            browser.type(By.id("link"), parentLink);
            browser.click(By.id("phone-open-link"));
            assertThat(browser.text(By.id("phone-notice"))).startsWith("Ссылка открыта");
            steps.shot("11-parent-phone-deep-link-opened");
            awaitMaxLinked(browser, parentMax);
            steps.shot("11-parent-max-linked");
            eventually(Duration.ofSeconds(60)).until(() -> members(max, chat).contains(parentMax));
            awaitMemberState(browser, journal.id(), "вы в чате");
            steps.shot("12-parent-in-chat");
            steps.logOut();
            assertThat(members(max, chat)).contains(teacherMax, pupilMax, parentMax, botId);

            // the teacher: a lesson of the coming days by video, the pasted link, published
            browser.logIn(journal.teacher(), "demo");
            browser.open("/journals/" + journal.id());
            var lesson = firstDraftAfter(browser, today);
            steps.holdByVideo(lesson.id());
            browser.click(By.cssSelector(row(lesson.id(), " .lesson-edit")));
            browser.type(By.id("video-link-" + lesson.id()), VIDEO_LINK);
            steps.shot("13-lesson-video-link-pasted");
            browser.click(By.cssSelector(row(lesson.id(), " .lesson-save")));
            eventually(Duration.ofSeconds(10))
                    .until(() -> browser.text(By.cssSelector(row(lesson.id(), " .lesson-video-link")))
                            .contains(VIDEO_LINK));
            browser.click(By.cssSelector(row(lesson.id(), " .lesson-publication-action")));
            eventually(Duration.ofSeconds(10))
                    .until(() -> browser.text(By.cssSelector(row(lesson.id(), " .lesson-publication")))
                            .equals("Опубликован"));
            assertThat(browser.waitFor(By.cssSelector(row(lesson.id(), " .lesson-call-link")))
                            .getAttribute("href"))
                    .isEqualTo(VIDEO_LINK);
            steps.shot("14-lesson-published-with-link");
            steps.logOut();

            // the pupil's diary shows the link; the chat got it
            browser.logIn(PUPIL, "demo");
            browser.open("/diary?week=" + lesson.day());
            assertThat(browser.waitFor(By.cssSelector("#lesson-" + lesson.id() + " .diary-call-link"))
                            .getAttribute("href"))
                    .isEqualTo(VIDEO_LINK);
            steps.scrollTo(By.id("lesson-" + lesson.id()));
            steps.shot("15-pupil-diary-video-link");
            steps.logOut();

            // the pupil moves to another class of the school; the exchange task's run takes her out of the chat
            movePupil(jdbc, school);
            browser.logIn("admin1", "demo");
            browser.click(By.id("nav-exchange"));
            browser.click(By.cssSelector("a[href*='/exchange-tasks/']:not(#breadcrumb-tasks)"));
            browser.click(By.id("run-now"));
            steps.shot("16-run-now");
            // a chat of three people: any removal is above the default hold's 10 %, so the admin lets it through
            eventually(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        browser.open("/orgs/" + school + "/removal-hold");
                        return !browser.driver()
                                .findElements(By.id("removal-hold-badge"))
                                .isEmpty();
                    });
            assertThat(browser.text(By.id("removal-hold-removals"))).contains(pupilName(jdbc));
            assertThat(members(max, chat)).as("held, not removed yet").contains(pupilMax);
            steps.scrollTo(By.id("removal-hold-removals"));
            steps.shot("17-removal-hold");
            browser.driver()
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                            browser.waitFor(By.id("removal-hold-release")));
            browser.click(By.id("removal-hold-release"));
            var confirm = browser.driver().switchTo().alert();
            assertThat(confirm.getText()).startsWith("Удалить из чатов всех перечисленных");
            confirm.accept();
            eventually(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.text(By.id("removal-hold-status"))
                    .contains("выполнены"));
            eventually(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !members(max, chat).contains(pupilMax));
            assertThat(members(max, chat))
                    .as("the teacher and the bot stay; the pupil leaves")
                    .contains(teacherMax, botId)
                    .doesNotContain(pupilMax);
            eventually(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .alias("her parent, who was in the chat for her, leaves too")
                    .until(() -> !members(max, chat).contains(parentMax));
            steps.shot("18-removal-released");
            // the school's readiness counts and lists its people by their MAX accounts, in MAX's words
            browser.open("/orgs/" + school + "/readiness");
            assertThat(browser.text(By.id("readiness-steps"))).contains("токен бота MAX проверен");
            assertThat(browser.text(By.id("readiness-teachers")))
                    .contains("Учителя привязали MAX")
                    .doesNotContain("VK ID");
            assertThat(browser.text(By.id("pupils-linked"))).startsWith("Учеников привязали MAX: 1 из");
            steps.shot("18a-readiness");
            steps.logOut();
            browser.logIn(PUPIL, "demo");
            browser.open("/diary/chats");
            assertThat(browser.driver().findElements(By.id("chat-" + journal.id())))
                    .as("the old class's chat is no longer hers")
                    .isEmpty();
            steps.shot("19-moved-pupil-chats");
            steps.logOut();

            // «Телефон MAX», linked from the Demo page: the teacher's chat as MAX shows it, with the bot's messages
            browser.driver().get(phoneUrl + "?as=" + teacherMax);
            assertThat(browser.text(By.cssSelector("[data-chat-id='" + chat + "'] .chat-title")))
                    .isEqualTo(title);
            steps.shot("20-phone-teacher-chat");
            eventually(Duration.ofSeconds(60))
                    .alias("the chat's lesson message carries the pasted link")
                    .until(() -> max.chat(chat).messages().stream().anyMatch(MaxSchoolBrowserTests::carriesTheLink));
            browser.driver().get(phoneUrl + "?as=" + teacherMax);
            steps.shot("21-phone-lesson-link-in-chat");
        }
    }

    /** «Привязать MAX» on «Чаты», then the deep link opened in MAX by the person; the card says «MAX привязан». */
    private static void linkMax(
            Browser browser, BrowserSteps steps, MaxPersonApi phone, long person, String bot, String shot) {
        browser.open("/diary/chats");
        browser.click(By.id("max-link"));
        var link = browser.waitFor(By.id("max-deep-link")).getAttribute("href");
        assertThat(link).startsWith("https://max.ru/" + bot + "?start=");
        steps.shot(shot + "-max-deep-link");
        phone.openDeepLink(person, link);
        awaitMaxLinked(browser, person);
        steps.shot(shot + "-max-linked");
    }

    /** «Чаты» shows the person's MAX account linked, once the bot has had the deep link's start. */
    private static void awaitMaxLinked(Browser browser, long person) {
        eventually(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open("/diary/chats");
            return !browser.driver().findElements(By.id("max-status")).isEmpty();
        });
        assertThat(browser.text(By.id("max-status"))).isEqualTo("MAX привязан");
        assertThat(browser.text(By.id("max-user-id"))).isEqualTo(Long.toString(person));
        assertThat(browser.text(By.id("max-linked-at")))
                .as("in Moscow time, as the walk's clock runs from 10:00")
                .matches("\\d\\d\\.\\d\\d\\.\\d{4} 10:\\d\\d");
    }

    private static void awaitMemberState(Browser browser, UUID journal, String state) {
        eventually(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open(browser.currentPath());
            var line = browser.driver().findElements(By.cssSelector("#chat-" + journal + " .diary-chat-member"));
            return !line.isEmpty() && line.get(0).getText().startsWith(state);
        });
    }

    private static boolean carriesTheLink(EmulatorSnapshot.Message message) {
        return message.text().contains(VIDEO_LINK)
                || message.buttons().stream().anyMatch(button -> VIDEO_LINK.equals(button.url()));
    }

    private static List<Long> members(MaxEmulator max, long chat) {
        return max.chat(chat).memberIds();
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

    private record Journal(UUID id, String teacher) {}

    private record LessonRow(UUID id, LocalDate day) {}

    private static UUID school(JdbcClient jdbc) {
        return jdbc.sql("select organization_id from demo.demo_login where username = 'admin1'")
                .query(UUID.class)
                .single();
    }

    /** A general-education journal of the featured pupil's class (not a group's), with a teacher's login. */
    private static Journal journalOfThePupil(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select j.id, t.username from accounts.user_account a
                        join school.pupil p on p.id = a.pupil_id
                        join school.journal j on j.class_unit_id = p.class_unit_id and j.kind = 'GENERAL_EDUCATION'
                        join school.subject s on s.id = j.subject_id
                        join school.journal_teacher jt on jt.journal_id = j.id
                        join accounts.user_account t on t.employee_id = jt.employee_id
                        where a.username = :pupil
                        order by s.name, t.username limit 1""")
                .param("pupil", PUPIL)
                .query((rs, n) -> new Journal(rs.getObject(1, UUID.class), rs.getString(2)))
                .single();
    }

    /** The pupil to another class of her school and year, as a roster change brings it. */
    private static void movePupil(JdbcClient jdbc, UUID school) {
        var moved = jdbc.sql(
                        """
                        update school.pupil p set class_unit_id = (
                            select c.id from school.class_unit c
                            join school.class_unit own on own.id = p.class_unit_id
                            where c.organization_id = :school and c.academic_year_id = own.academic_year_id
                              and c.id <> own.id
                            order by c.grade, c.letter limit 1)
                        where p.id = (select pupil_id from accounts.user_account where username = :pupil)""")
                .param("school", school)
                .param("pupil", PUPIL)
                .update();
        assertThat(moved).isOne();
    }

    private static String pupilName(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select p.last_name || ' ' || p.first_name from accounts.user_account a
                        join school.pupil p on p.id = a.pupil_id where a.username = :pupil""")
                .param("pupil", PUPIL)
                .query(String.class)
                .single();
    }

    private static String chatTitle(JdbcClient jdbc, UUID journal) {
        return jdbc.sql("select chat_title from school.sync_journal where journal_id = :journal")
                .param("journal", journal)
                .query(String.class)
                .single();
    }

    /** The journal's first unpublished lesson after today; on a month's last days, in the next month. */
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
}
