package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.EverydayWorld;
import ru.paragraf.sferum.MovableClock;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.vkemulator.EmulatorSnapshot;

/**
 * Issue 17's acceptance 1 in a real browser against the emulator, with a clock the test moves: the evening before,
 * the teacher publishes tomorrow's 09:00 maths lesson in video mode and the link shows in the journal and the
 * pupil's diary; VK ends the call overnight (the emulator's {@code POST /_emulator/calls/{id}/finish}); at 08:45 a
 * new call's link replaces it in the journal, the diary and the chat; at 10:00 (the lesson's end, 09:45, plus 15
 * minutes) the call is finished in the emulator and the diary says «видеозвонок завершён». Nothing but the clock
 * is touched after publishing: the scheduled step of lesson times does the rest (every second here, every minute
 * by default). Screenshots in /tmp/i17-calls.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms", "sferum.sync.calls.interval=1s"})
@AutoConfigureMockMvc
@Import(CallLifeBrowserTests.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallLifeBrowserTests {

    static final Path SHOTS = Path.of("/tmp/i17-calls");
    static final EverydayWorld WORLD = EverydayWorld.start();
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25), TOMORROW = TODAY.plusDays(1);
    /** A draft maths lesson of 7А, moved to tomorrow at 09:00. */
    static final UUID LESSON = id(72);

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
    }

    /** The evening before: 25 November 2026, 18:00 in St Petersburg. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return MovableClock.at(at(TODAY, "18:00").toInstant());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    MovableClock clock;

    Browser browser;
    BrowserSteps steps;
    EverydaySteps api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void schoolAConnected() throws IOException {
        Files.createDirectories(SHOTS);
        SchoolFixture.insert(jdbc, accounts, TODAY);
        api = new EverydaySteps(mvc, jdbc, WORLD);
        api.connectSchoolA();
        api.linkVkId(
                "teacherA1",
                TEACHER_A1,
                EverydayWorld.TEACHER_A1_LOGIN,
                EverydayWorld.TEACHER_A1_PASSWORD,
                EverydayWorld.TEACHER_A1_VK);
        api.moveLesson(LESSON, TOMORROW, "09:00");
        browser = new Browser("http://localhost:" + port);
        steps = new BrowserSteps(browser, "i17-calls");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        WORLD.vk.close();
    }

    @Test
    void aCallLivesAroundItsLesson() {
        // the evening before: published, the link shows at once
        browser.logIn("teacherA1", PASSWORD);
        openJournal();
        steps.switchSubjectChatOn();
        steps.holdByVideo(LESSON);
        var first = steps.publishAndAwaitTheLinks(LESSON);
        shot("01-evening-journal-link");
        steps.logOut();
        browser.logIn("pupilA", PASSWORD);
        assertThat(diaryCallLink()).isEqualTo(first.join());
        shot("02-evening-diary-link");
        steps.logOut();
        api.settle();
        await().atMost(Duration.ofSeconds(20)).until(() -> announcements() == 1);

        // overnight VK ends the call
        var firstCall = emulatorCall(first.join());
        assertThat(finishInEmulator(firstCall.callId())).contains("finished").contains("true");
        assertThat(emulatorCall(first.join()).state()).isEqualTo("finished");

        // 08:45, a quarter of an hour before the lesson: a new call, its link everywhere
        clock.moveTo(at(TOMORROW, "08:45").plusSeconds(20).toInstant());
        browser.logIn("teacherA1", PASSWORD);
        var newLink = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> {
                            openJournal();
                            return browser.driver()
                                    .findElement(By.cssSelector(BrowserSteps.row(LESSON, " .lesson-call-link")))
                                    .getAttribute("href");
                        },
                        link -> link != null && !link.equals(first.join()));
        assertThat(browser.text(By.cssSelector(BrowserSteps.row(LESSON, " .lesson-call"))))
                .contains("готов", "Присоединиться к звонку");
        assertThat(browser.driver().getPageSource()).doesNotContain(first.join());
        shot("03-before-lesson-journal-new-link");
        steps.logOut();

        browser.logIn("pupilA", PASSWORD);
        assertThat(diaryCallLink()).isEqualTo(newLink);
        assertThat(browser.driver().getPageSource()).doesNotContain(first.join());
        shot("04-before-lesson-diary-new-link");
        steps.logOut();

        api.settle();
        await().atMost(Duration.ofSeconds(20)).until(() -> announcements() == 2);
        var chat = WORLD.vk.chats().get(0);
        assertThat(chat.textMessages().get(1).text())
                .startsWith("Новая ссылка на видеозвонок: Математика 7А, 26.11.2026 в 09:00")
                .contains(newLink, "Прежняя ссылка больше не действует");
        assertThat(emulatorCall(newLink).state()).isEqualTo("active");
        assertThat(WORLD.vk.calls()).hasSize(2);
        browser.driver().get(WORLD.vk.baseUrl() + "/_emulator/chats");
        shot("05-before-lesson-emulator-chat-two-announcements");

        // 10:00, the lesson's end plus 15 minutes: finished in VK, and the diary says so
        clock.moveTo(at(TOMORROW, "10:00").plusSeconds(20).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> emulatorCall(newLink).finishedAt() != null);
        assertThat(emulatorCall(newLink).finishedBy()).isEqualTo(EverydayWorld.TEACHER_A1_VK);
        browser.driver().get(WORLD.vk.baseUrl() + "/_emulator/calls");
        shot("06-after-lesson-emulator-calls-finished");
        api.settle();

        browser.logIn("pupilA", PASSWORD);
        browser.open("/diary?week=" + TOMORROW);
        var row = browser.text(By.id("lesson-" + LESSON));
        assertThat(row).contains("видеозвонок завершён").doesNotContain("Присоединиться");
        assertThat(browser.driver().findElements(By.cssSelector("#lesson-" + LESSON + " .diary-call-link")))
                .isEmpty();
        shot("07-after-lesson-diary-finished");
        steps.logOut();

        browser.logIn("teacherA1", PASSWORD);
        openJournal();
        assertThat(browser.text(By.cssSelector(BrowserSteps.row(LESSON, " .lesson-call"))))
                .isEqualTo("видеозвонок завершён");
        shot("08-after-lesson-journal-finished");
        steps.logOut();
        assertThat(WORLD.vk.stats().callsOf("calls.start")).isEqualTo(2);
        assertThat(announcements()).isEqualTo(2);
    }

    private void openJournal() {
        browser.open("/journals/" + JOURNAL_A_MATHS + "?month=" + YearMonth.from(TOMORROW));
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        browser.waitFor(By.cssSelector(BrowserSteps.row(LESSON, ""))));
    }

    /** The pupil's diary of tomorrow's week: the lesson's «Присоединиться к звонку» link. */
    private String diaryCallLink() {
        browser.open("/diary?week=" + TOMORROW);
        return await().atMost(Duration.ofSeconds(10))
                .ignoreExceptionsInstanceOf(NoSuchElementException.class)
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(
                        () -> browser.driver()
                                .findElement(By.cssSelector("#lesson-" + LESSON + " .diary-call-link"))
                                .getAttribute("href"),
                        link -> link != null);
    }

    private int announcements() {
        return WORLD.vk.chats().isEmpty()
                ? 0
                : WORLD.vk.chats().get(0).textMessages().size();
    }

    private static EmulatorSnapshot.Call emulatorCall(String joinLink) {
        return WORLD.vk.calls().stream()
                .filter(call -> call.joinLink().equals(joinLink))
                .findFirst()
                .orElseThrow();
    }

    /** The emulator's inspection API ends the call as VK would on its own; not part of VK's protocol. */
    private String finishInEmulator(String callId) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(WORLD.vk.baseUrl() + "/_emulator/calls/" + callId + "/finish"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void shot(String name) {
        try {
            Files.copy(
                    browser.screenshot("i17-calls-" + name),
                    SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZonedDateTime at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), MOSCOW);
    }
}
