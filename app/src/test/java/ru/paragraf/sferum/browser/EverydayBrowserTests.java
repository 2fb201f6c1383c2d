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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
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
        var steps = new BrowserSteps(browser, "everyday");
        browser.logIn("teacherA1", PASSWORD);

        browser.open("/journals/" + JOURNAL_A_CHESS);
        assertThat(browser.text(By.id("journal-kind"))).isEqualTo("Дополнительное образование");
        assertThat(browser.waitFor(By.id("subject-chat-switch")).isEnabled()).isFalse();
        assertThat(browser.text(By.id("subject-chat-disabled-reason")))
                .isEqualTo("Предметный чат доступен только для общеобразовательных журналов.");
        steps.shot("extracurricular-journal-chat-disabled");

        browser.open("/journals/" + JOURNAL_A_MATHS + "?month=" + YearMonth.from(tomorrow));
        steps.switchSubjectChatOn();
        steps.holdByVideo(LESSON);
        assertThat(WORLD.vk.chats())
                .as("no chat before a video lesson is published")
                .isEmpty();

        var links = steps.publishAndAwaitTheLinks(LESSON);
        assertThat(browser.driver().findElements(By.cssSelector("#lessons tbody tr")))
                .as("a lesson's row is replaced in place, the other lessons of the month stay once")
                .hasSize(lessonsIn(JOURNAL_A_MATHS, YearMonth.from(tomorrow)));

        var chats = emulator("chats");
        assertThat(chats.size()).as("exactly one chat in Sferum").isEqualTo(1);
        var chat = chats.get(0);
        assertThat(chat.get("title").asString()).isEqualTo("Математика 7А");
        assertThat(chat.get("invite_link").asString()).isEqualTo(links.invite());
        assertThat(activeMembers(chat)).contains(EverydayWorld.TEACHER_A1_VK);
        var calls = emulator("calls");
        assertThat(calls.size()).as("exactly one call in Sferum").isEqualTo(1);
        assertThat(calls.get(0).get("join_link").asString()).isEqualTo(links.join());
        assertThat(calls.get(0).get("state").asString()).isEqualTo("active");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        textMessages(emulator("chats").get(0)).stream().anyMatch(text -> text.contains(links.join())));
        assertThat(textMessages(emulator("chats").get(0)))
                .singleElement()
                .asString()
                .startsWith("Видеозвонок: Математика 7А")
                .contains(links.join());
        browser.driver().get(WORLD.vk.baseUrl() + "/_emulator/chats");
        steps.shot("emulator-one-chat-with-the-link-message");
        browser.open("/diary");
        steps.logOut();

        browser.logIn("pupilA", PASSWORD);
        steps.pupilFindsBothLinks(LESSON, tomorrow, JOURNAL_A_MATHS, "Математика 7А", links);
        assertThat(browser.text(By.id("subject-chats"))).doesNotContain("Русский язык", "Шахматы");
        browser.open("/diary?week=" + tomorrow);
        assertThat(browser.text(By.id("lesson-" + LESSON))).contains("Математика");
        steps.logOut();
    }

    private int lessonsIn(UUID journal, YearMonth month) {
        return jdbc.sql(
                        "select count(*) from school.lesson where journal_id = :journal and lesson_date between :from and :to")
                .param("journal", journal)
                .param("from", month.atDay(1))
                .param("to", month.atEndOfMonth())
                .query(Integer.class)
                .single();
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
