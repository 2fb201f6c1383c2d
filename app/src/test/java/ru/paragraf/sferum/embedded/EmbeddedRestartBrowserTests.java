package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import ru.paragraf.sferum.browser.Browser;
import ru.paragraf.sferum.browser.BrowserSteps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance of issue 13, in a real Chromium against the embedded default as {@code java -jar} runs it, in a JVM of
 * its own: the seed flow clicked through (hand-down, «База ссылок», the exchange task, VK ID, the subject chat and a
 * published video lesson), then the application killed with SIGKILL and started again with the same command in the
 * same folder. The journal, the pupil's diary, the teacher's «Чаты» and the emulator's inspection API (kept in
 * {@code data/vk-emulator} beside the database) agree; a second video lesson gets a second call in the same single
 * chat. Then VK loses everything (the emulator's state file deleted) and one «Запустить сейчас» of the SFERUM_SYNC
 * task leaves no dead link anywhere. Screenshots: target/screenshots/restart-*.png.
 */
class EmbeddedRestartBrowserTests {

    static final String PUPIL = "pupil1-0001";
    static final Duration START = Duration.ofMinutes(3);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    @Test
    void theSeedFlowSurvivesAKillAndVkLosingEverythingIsShownAsItIs() throws Exception {
        var vkPort = freePort();
        var logs = Path.of("target", "nodes", "restart-browser");
        try (var data = new DataFolder(folder.resolve("data").resolve("pg"));
                var app = new EmbeddedApp(
                        folder,
                        logs,
                        freePort(),
                        List.of(
                                "--spring.main.banner-mode=off",
                                "--sferum.embedded.vk-emulator.port=" + vkPort,
                                "--sferum.sync.pump-interval=200ms"));
                var browser = new Browser("http://localhost:" + app.port())) {
            var vk = "http://localhost:" + vkPort;
            var steps = new BrowserSteps(browser, "restart");
            app.launch("first");
            app.awaitHealthy(START);

            // the seed flow, as the README walks it
            var handDown = steps.handDown(1);
            browser.logIn("admin1", "demo");
            steps.enterCommunity(handDown);
            steps.addSyncTask();
            steps.logOut();
            browser.logIn(handDown.teacherLogin(), "demo");
            steps.linkVkId(handDown);
            var journal = journalOfThePupil(data, handDown.teacherLogin());
            var first = nextDraft(data, journal, LocalDate.now());
            openJournal(browser, journal, first.day());
            steps.switchSubjectChatOn();
            steps.holdByVideo(first.id());
            var links = steps.publishAndAwaitTheLinks(first.id());
            var before = emulator(vk);
            assertThat(chats(before)).singleElement().satisfies(chat -> assertThat(
                            chat.get("invite_link").asString())
                    .isEqualTo(links.invite()));
            assertThat(activeCalls(before)).containsExactly(links.join());

            // a crash: SIGKILL, then the same command in the same folder
            data.disconnect();
            app.kill();
            app.launch("after-kill");
            var restarted = app.awaitHealthy(START);
            assertThat(app.latestLog()).contains("orphaned PostgreSQL of a previous run");

            browser.logIn(handDown.teacherLogin(), "demo");
            openJournal(browser, journal, first.day());
            assertThat(browser.text(By.id("subject-chat-state"))).isEqualTo("создан");
            assertThat(browser.waitFor(By.id("subject-chat-invite-link")).getAttribute("href"))
                    .isEqualTo(links.invite());
            assertThat(browser.text(By.cssSelector(BrowserSteps.row(first.id(), " .lesson-call"))))
                    .contains("готов");
            assertThat(browser.waitFor(By.cssSelector(BrowserSteps.row(first.id(), " .lesson-call-link")))
                            .getAttribute("href"))
                    .isEqualTo(links.join());
            steps.shot("after-kill-journal");
            browser.open("/diary/chats");
            assertThat(browser.text(By.id("vkid-status"))).isEqualTo("VK ID привязан");
            assertThat(browser.driver().findElements(By.id("vkid-relink-required")))
                    .isEmpty();
            steps.shot("after-kill-teacher-chats");
            var after = emulator(vk);
            assertThat(chats(after)).singleElement().satisfies(chat -> assertThat(
                            chat.get("invite_link").asString())
                    .isEqualTo(links.invite()));
            assertThat(activeCalls(after)).containsExactly(links.join());

            // the next video lesson: a second call, in the same single chat
            var second = nextDraft(data, journal, first.day());
            openJournal(browser, journal, second.day());
            steps.holdByVideo(second.id());
            var secondLinks = steps.publishAndAwaitTheLinks(second.id());
            assertThat(secondLinks.invite()).isEqualTo(links.invite());
            assertThat(secondLinks.join()).isNotEqualTo(links.join());
            var twoCalls = emulator(vk);
            assertThat(chats(twoCalls)).hasSize(1);
            assertThat(activeCalls(twoCalls)).containsExactlyInAnyOrder(links.join(), secondLinks.join());
            assertThat(announcements(chats(twoCalls).get(0)))
                    .hasSize(2)
                    .anySatisfy(text -> assertThat(text).contains(links.join()))
                    .anySatisfy(text -> assertThat(text).contains(secondLinks.join()));
            steps.logOut();
            browser.logIn(PUPIL, "demo");
            steps.pupilFindsBothLinks(second.id(), second.day(), journal, chatTitle(data, journal), secondLinks);
            steps.logOut();

            // VK loses everything: the application stopped, the emulator's state gone, started again
            data.disconnect();
            app.stop();
            Files.delete(folder.resolve("data").resolve("vk-emulator").resolve("state.json"));
            app.launch("vk-forgot");
            app.awaitHealthy(START);
            browser.logIn("admin1", "demo");
            browser.click(By.id("nav-exchange"));
            browser.click(By.cssSelector("a.exchange-task-link"));
            var ended = "select count(*) from exchange.run where status in ('SUCCEEDED', 'PARTIAL', 'FAILED')";
            var endedBefore = data.number(ended);
            browser.click(By.id("run-now"));
            app.await("finishes the SFERUM_SYNC run", Duration.ofMinutes(2), () -> {
                try {
                    return data.number(ended) > endedBefore;
                } catch (SQLException e) {
                    return false;
                }
            });
            steps.shot("vk-forgot-run");
            var dead = List.of(links.invite(), links.join(), secondLinks.join());
            for (var lesson : List.of(first, second)) { // their months may differ
                openJournal(browser, journal, lesson.day());
                assertThat(browser.driver().findElements(By.id("lesson-" + lesson.id())))
                        .hasSize(1);
                dead.forEach(
                        link -> assertThat(browser.driver().getPageSource()).doesNotContain(link));
            }
            steps.shot("vk-forgot-journal");
            steps.logOut();
            browser.logIn(PUPIL, "demo");
            for (var page : List.of("/diary?week=" + first.day(), "/diary?week=" + second.day(), "/diary/chats")) {
                browser.open(page);
                browser.waitFor(By.tagName("main"));
                dead.forEach(
                        link -> assertThat(browser.driver().getPageSource()).doesNotContain(link));
            }
            steps.shot("vk-forgot-pupil-chats");
            steps.logOut();
            browser.logIn(handDown.teacherLogin(), "demo");
            browser.open("/diary/chats");
            browser.waitFor(By.id("vkid-relink-required"));
            dead.forEach(link -> assertThat(browser.driver().getPageSource()).doesNotContain(link));
            steps.shot("vk-forgot-teacher-chats");
            browser.open("/diary?week=" + first.day());
            for (var lesson : List.of(first, second)) {
                assertThat(browser.text(By.cssSelector("#lesson-" + lesson.id() + " .diary-call")))
                        .doesNotContain("готов")
                        .contains("ошибка");
            }
            steps.shot("vk-forgot-teacher-diary");

            System.out.printf(
                    "restart-browser: served again %d ms after the kill; VK had 1 chat and 2 calls before it forgot%n",
                    restarted.toMillis());
        }
    }

    private record Lesson(UUID id, LocalDate day) {}

    /** The journal's page at the month of the day: the page shows a month of lessons. */
    private static void openJournal(Browser browser, UUID journal, LocalDate day) {
        browser.open("/journals/" + journal + "?month=" + YearMonth.from(day));
        browser.waitFor(By.id("subject-chat"));
    }

    /** The journal's first unpublished lesson after the day, in the order of the timetable. */
    private static Lesson nextDraft(DataFolder data, UUID journal, LocalDate after) throws SQLException {
        var row = data.text(
                """
                select id || ' ' || lesson_date from school.lesson
                where journal_id = '%s' and publication = 'DRAFT' and lesson_date > '%s'
                order by lesson_date, starts_at limit 1"""
                        .formatted(journal, after));
        assertThat(row).as("a draft lesson after %s", after).isNotNull();
        var parts = row.split(" ");
        return new Lesson(UUID.fromString(parts[0]), LocalDate.parse(parts[1]));
    }

    /** The teacher's general-education journal that the featured pupil attends. */
    private static UUID journalOfThePupil(DataFolder data, String teacher) throws SQLException {
        return UUID.fromString(data.text(
                """
                select j.id from accounts.user_account t
                join school.journal_teacher jt on jt.employee_id = t.employee_id
                join school.journal j on j.id = jt.journal_id and j.kind = 'GENERAL_EDUCATION'
                join school.subject s on s.id = j.subject_id
                join accounts.user_account a on a.username = '%s'
                join school.pupil p on p.id = a.pupil_id
                where t.username = '%s'
                  and (j.class_unit_id = p.class_unit_id
                       or exists (select 1 from school.study_group_member m
                                  where m.study_group_id = j.study_group_id and m.pupil_id = p.id))
                order by s.name limit 1"""
                        .formatted(PUPIL, teacher)));
    }

    private static String chatTitle(DataFolder data, UUID journal) throws SQLException {
        return data.text("select chat_title from school.sync_journal where journal_id = '%s'".formatted(journal));
    }

    /** The emulator's inspection API (not VK's protocol): its whole state. */
    private static JsonNode emulator(String vk) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(vk + "/_emulator/state"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> chats(JsonNode state) {
        var chats = new ArrayList<JsonNode>();
        state.get("chats").forEach(chats::add);
        return chats;
    }

    private static List<String> activeCalls(JsonNode state) {
        var links = new ArrayList<String>();
        state.get("calls").forEach(call -> {
            if (call.get("state").asString().equals("active")) {
                links.add(call.get("join_link").asString());
            }
        });
        return links;
    }

    private static List<String> announcements(JsonNode chat) {
        var texts = new ArrayList<String>();
        chat.get("messages").forEach(message -> {
            if (!message.has("action") || message.get("action").isNull()) {
                texts.add(message.get("text").asString());
            }
        });
        return texts;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
