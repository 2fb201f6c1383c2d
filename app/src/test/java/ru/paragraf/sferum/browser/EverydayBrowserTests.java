package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.EverydayWorld;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The everyday flow (seed steps 4 and 5) in a real browser against the in-process VK emulator: school A is
 * connected (verified community credentials, an enabled SFERUM_SYNC task) and its maths teacher has linked a VK
 * ID. The teacher switches «Чат по предмету» on in a general-education journal (an extracurricular one shows it
 * disabled with the reason), assigns a video call to a lesson and publishes it; within seconds, without a reload,
 * the journal shows the created chat and the lesson's link, the emulator holds exactly one chat with the teacher in it and one call,
 * the chat got the message with the link, and the pupil's diary shows both links.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EverydayBrowserTests {

    static final EverydayWorld WORLD = EverydayWorld.start();
    /** A draft maths lesson of 7А; the set-up moves it to tomorrow at 10:00, so that its call is still to come. */
    static final UUID LESSON = id(72);

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
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
    Clock clock;

    Browser browser;
    LocalDate tomorrow;

    @BeforeAll
    void connectSchoolA() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        var steps = new EverydaySteps(mvc, jdbc, WORLD);
        steps.connectSchoolA();
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                EverydayWorld.TEACHER_A1_LOGIN,
                EverydayWorld.TEACHER_A1_PASSWORD,
                EverydayWorld.TEACHER_A1_VK);
        tomorrow = LocalDate.now(clock).plusDays(1);
        steps.moveLesson(LESSON, tomorrow, "10:00");
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
        WORLD.vk.close();
    }

    @Test
    void teacherAsksForTheChatAndAssignsACallAndThePupilFindsBothLinks() {
        browser.logIn("teacherA1", PASSWORD);

        browser.open("/journals/" + JOURNAL_A_CHESS);
        assertThat(browser.text(By.id("journal-kind"))).isEqualTo("Дополнительное образование");
        assertThat(browser.waitFor(By.id("subject-chat-switch")).isEnabled()).isFalse();
        assertThat(browser.text(By.id("subject-chat-disabled-reason")))
                .isEqualTo("Предметный чат доступен только для общеобразовательных журналов.");
        browser.screenshot("everyday-01-extracurricular-journal-chat-disabled");

        browser.open("/journals/" + JOURNAL_A_MATHS);
        assertThat(browser.text(By.id("subject-chat-state"))).isEqualTo("не запрошен");
        browser.click(By.id("subject-chat-switch"));
        eventually(Duration.ofSeconds(10))
                .until(() -> browser.text(By.id("subject-chat-state")).startsWith("запрошен"));
        assertThat(browser.waitFor(By.id("subject-chat-switch")).isSelected()).isTrue();
        browser.screenshot("everyday-02-subject-chat-requested");

        browser.click(By.cssSelector(row(" .lesson-video-call")));
        eventually(Duration.ofSeconds(10)).until(() -> browser.text(By.cssSelector(row(" .lesson-format")))
                .equals("Видеозвонок"));
        assertThat(browser.text(By.cssSelector(row(" .lesson-publication")))).isEqualTo("Не опубликован");
        browser.screenshot("everyday-03-video-call-assigned");
        assertThat(WORLD.vk.chats())
                .as("no chat before a video lesson is published")
                .isEmpty();

        // a page load would drop this mark: the chat and the call below must arrive without one
        browser.driver().executeScript("window.notReloaded = true");
        browser.click(By.cssSelector(row(" .lesson-publication-action")));
        eventually(Duration.ofSeconds(10)).until(() -> browser.text(By.cssSelector(row(" .lesson-publication")))
                .equals("Опубликован"));
        assertThat(browser.driver().findElements(By.cssSelector("#lessons tbody tr")))
                .as("a lesson's row is replaced in place, the other lessons stay once")
                .hasSize(2);
        browser.screenshot("everyday-04-lesson-published");

        eventually(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> browser.text(By.id("subject-chat-state")).equals("создан")
                        && !browser.driver()
                                .findElements(By.id("subject-chat-invite-link"))
                                .isEmpty()
                        && !browser.driver()
                                .findElements(By.cssSelector(row(" .lesson-call-link")))
                                .isEmpty());
        assertThat(browser.driver().executeScript("return window.notReloaded === true"))
                .as("the chat card and the lesson row updated themselves, without a reload")
                .isEqualTo(true);
        assertThat(browser.driver().findElement(By.id("subject-chat")).getAttribute("hx-trigger"))
                .as("the card polls no more once the chat and its link are there")
                .isEqualTo("lesson-changed from:body");
        assertThat(browser.driver().findElement(By.cssSelector(row(""))).getAttribute("hx-trigger"))
                .as("nor does the row once the call is ready")
                .isNull();
        var inviteLink = browser.waitFor(By.id("subject-chat-invite-link")).getAttribute("href");
        var joinLink =
                browser.waitFor(By.cssSelector(row(" .lesson-call-link"))).getAttribute("href");
        assertThat(browser.text(By.cssSelector(row(" .lesson-call")))).contains("готов", "Присоединиться к звонку");
        browser.screenshot("everyday-05-journal-chat-created-and-call-link");

        var chats = emulator("chats");
        assertThat(chats.size()).as("exactly one chat in Sferum").isEqualTo(1);
        var chat = chats.get(0);
        assertThat(chat.get("title").asString()).isEqualTo("Математика 7А");
        assertThat(chat.get("invite_link").asString()).isEqualTo(inviteLink);
        assertThat(activeMembers(chat)).contains(EverydayWorld.TEACHER_A1_VK);
        var calls = emulator("calls");
        assertThat(calls.size()).as("exactly one call in Sferum").isEqualTo(1);
        assertThat(calls.get(0).get("join_link").asString()).isEqualTo(joinLink);
        assertThat(calls.get(0).get("state").asString()).isEqualTo("active");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> textMessages(emulator("chats").get(0)).stream().anyMatch(text -> text.contains(joinLink)));
        assertThat(textMessages(emulator("chats").get(0)))
                .singleElement()
                .asString()
                .startsWith("Видеозвонок: Математика 7А")
                .contains(joinLink);
        browser.driver().get(WORLD.vk.baseUrl() + "/_emulator/chats");
        browser.screenshot("everyday-06-emulator-one-chat-with-the-link-message");
        browser.open("/diary");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));

        browser.logIn("pupilA", PASSWORD);
        browser.open("/diary?week=" + tomorrow);
        var lesson = browser.waitFor(By.id("lesson-" + LESSON));
        assertThat(lesson.getText()).contains("Математика", "Видеозвонок", "готов", "Присоединиться к звонку");
        assertThat(browser.waitFor(By.cssSelector("#lesson-" + LESSON + " .diary-call-link"))
                        .getAttribute("href"))
                .isEqualTo(joinLink);
        browser.screenshot("everyday-07-pupil-diary-call-link");

        browser.click(By.id("diary-nav-chats"));
        assertThat(browser.text(By.id("subject-chats"))).contains("Математика 7А", "создан", "Вступить в чат");
        assertThat(browser.waitFor(By.cssSelector("#chat-" + JOURNAL_A_MATHS + " .diary-chat-join"))
                        .getAttribute("href"))
                .isEqualTo(inviteLink);
        assertThat(browser.text(By.id("subject-chats"))).doesNotContain("Русский язык", "Шахматы");
        browser.screenshot("everyday-08-pupil-diary-chat-invite-link");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    /** Waits for the page, which htmx may be swapping meanwhile: an element read just before its swap is re-read. */
    private static ConditionFactory eventually(Duration atMost) {
        return await().atMost(atMost).ignoreException(StaleElementReferenceException.class);
    }

    private static String row(String inside) {
        return "#lesson-" + LESSON + inside;
    }

    /** The emulator's inspection API ({@code /_emulator/…}), which is not part of VK's protocol. */
    private static JsonNode emulator(String part) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(WORLD.vk.baseUrl() + "/_emulator/" + part))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> activeMembers(JsonNode chat) {
        var members = new ArrayList<Long>();
        chat.get("members").forEach(member -> {
            if (member.get("state").asString().equals("in")) {
                members.add(member.get("member_id").asLong());
            }
        });
        return members;
    }

    private static List<String> textMessages(JsonNode chat) {
        var texts = new ArrayList<String>();
        chat.get("messages").forEach(message -> {
            if (message.get("action") == null || message.get("action").isNull()) {
                texts.add(message.get("text").asString());
            }
        });
        return texts;
    }
}
