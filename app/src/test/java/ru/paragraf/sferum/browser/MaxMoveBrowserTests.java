package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.browser.BrowserSteps.eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.EverydayWorld;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.sync.MaxSchoolContext;
import ru.paragraf.sferum.sync.MaxWorld;

/**
 * Issue 18's acceptance 2 in a real browser against both emulators: school A is on VK with two journals' subject
 * chats; its admin opens «База ссылок», «Перейти на MAX», enters the school's MAX bot token, reads the preview's
 * figures and confirms; on each journal's page the admin shows the one-time code, and the teacher (through the MAX
 * emulator's person API over HTTP, {@code /_emulator}) creates a MAX chat, adds the school's bot as an admin and sends
 * the code; the journal pages say «ждёт привязки чата в MAX» and then «перенесён в MAX»; each VK chat gets exactly one
 * closing message; the school's and the district's readiness show the progress; then «Вернуться в VK», preview and
 * confirm. Screenshots in target/screenshots/max-move-*.png.
 */
@MaxSchoolContext(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {MaxSchoolContext.HOLD_SHARE, MaxSchoolContext.INBOX})
class MaxMoveBrowserTests {

    static final EverydayWorld WORLD = EverydayWorld.start();
    static final long BOT_A = 900_000_961L;
    static final String BOT_TOKEN_A = "max-move-browser-school-a-5e7a9c1b3d5f47a9b1c3e5a7c9e1b3d5";
    static final long TEACHER_A1_MAX = 800_910_001L, TEACHER_A2_MAX = 800_910_002L;
    static final UUID MATHS_LESSON = id(72), RUSSIAN_LESSON = id(73);
    static final String CLOSING = "перенесён в MAX";

    static final MaxWorld MAX_WORLD = MaxWorld.beside(WORLD::register)
            .bot(BOT_A, "school_a_move_browser_bot", "Школа А — бот", BOT_TOKEN_A)
            .user(TEACHER_A1_MAX, "Пётр", "Учителев")
            .user(TEACHER_A2_MAX, "Анна", "Словесникова")
            .start();
    static final MaxEmulator MAX = MAX_WORLD.max;

    @DynamicPropertySource
    static void messengers(DynamicPropertyRegistry registry) {
        MAX_WORLD.register(registry);
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
    BrowserSteps steps;
    EverydaySteps api;
    UUID task;
    final HttpClient http = HttpClient.newHttpClient();
    /** Each journal's VK chat, in the order the journals are adopted. */
    final Map<UUID, Long> vkChats = new LinkedHashMap<>();

    @BeforeAll
    void schoolAHasTwoJournalsChatsInVk() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        api = new EverydaySteps(mvc, jdbc, WORLD);
        task = api.connectSchoolA();
        var tomorrow = LocalDate.now(clock).plusDays(1);
        for (var lesson : new UUID[] {MATHS_LESSON, RUSSIAN_LESSON}) {
            api.moveLesson(lesson, tomorrow, "10:00");
        }
        for (var journal : new UUID[] {JOURNAL_A_MATHS, JOURNAL_A_RUSSIAN}) {
            api.api("adminA", put("/api/journals/" + journal + "/subject-chat"), "{\"requested\": true}");
        }
        for (var lesson : new UUID[] {MATHS_LESSON, RUSSIAN_LESSON}) {
            api.api("adminA", put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
            api.api("adminA", post("/api/lessons/" + lesson + "/publish"), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> activeVkChats() == 2);
        api.settle();
        for (var journal : new UUID[] {JOURNAL_A_MATHS, JOURNAL_A_RUSSIAN}) {
            vkChats.put(
                    journal,
                    jdbc.sql("select chat_id from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                            .param("journal", journal)
                            .query(Long.class)
                            .single());
        }
        assertThat(WORLD.vk.chats()).hasSize(2);
        browser = new Browser("http://localhost:" + port);
        steps = new BrowserSteps(browser, "max-move");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        MAX.close();
        WORLD.vk.close();
    }

    @Test
    void aVkSchoolMovesToMaxItsJournalsChatsAreAdoptedAndItMovesBack() {
        var vkChatsCreated = WORLD.vk.stats().callsOf("messages.createChat");
        var vkMessagesBefore = vkTextMessages();

        // «База ссылок» → «Перейти на MAX»: the token, the preview's figures, nothing changed yet
        browser.logIn("adminA", PASSWORD);
        browser.open("/orgs/" + SCHOOL_A + "/linkbase");
        steps.scrollTo(By.id("messenger-move-link"));
        steps.shot("01-linkbase-move-link");
        browser.click(By.cssSelector("#messenger-move-link a"));
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/linkbase/move");
        browser.type(By.id("move-bot-token"), BOT_TOKEN_A);
        steps.shot("02-move-token");
        browser.click(By.id("move-preview"));
        assertThat(browser.text(By.id("move-preview-card")))
                .contains("@school_a_move_browser_bot", "Журналов с чатами по предмету в VK: 2", "одноразовый код");
        assertThat(browser.driver().getPageSource()).doesNotContain(BOT_TOKEN_A);
        assertThat(messengerOfSchoolA()).as("a preview changes nothing").isEqualTo("VK");
        steps.shot("03-move-preview");

        // confirmed: both journals wait for their MAX chats
        browser.click(By.id("move-confirm"));
        assertThat(browser.text(By.id("move-notice"))).startsWith("Школа перешла на MAX");
        assertThat(browser.text(By.id("move-progress")))
                .contains("Перенесено журналов: 0 из 2")
                .contains("ждёт привязки чата в MAX");
        assertThat(browser.text(By.id("move-adoption-hint"))).contains("«Показать код»");
        assertThat(messengerOfSchoolA()).isEqualTo("MAX");
        steps.shot("04-moved-waiting");

        // the maths journal: the code on its page, the teacher's MAX chat takes it
        var maths = adoptWithTheCodeFromTheJournalsPage(
                JOURNAL_A_MATHS, TEACHER_A1_MAX, "7А алгебра", "05-journal-maths-code");
        awaitClosingMessages(1);
        browser.open("/journals/" + JOURNAL_A_MATHS);
        eventually(Duration.ofSeconds(20))
                .until(() -> browser.text(By.id("subject-chat-move")).equals("перенесён в MAX"));
        steps.shot("07-journal-maths-moved");
        browser.open("/journals/" + JOURNAL_A_RUSSIAN);
        assertThat(browser.text(By.id("subject-chat-move"))).isEqualTo("ждёт привязки чата в MAX");
        steps.shot("08-journal-russian-waiting");
        browser.open("/orgs/" + SCHOOL_A + "/linkbase/move");
        assertThat(browser.text(By.id("move-progress")))
                .contains("Перенесено журналов: 1 из 2", "перенесён в MAX", "ждёт привязки чата в MAX");
        steps.shot("09-move-progress-half");

        // the russian journal likewise
        var russian = adoptWithTheCodeFromTheJournalsPage(
                JOURNAL_A_RUSSIAN, TEACHER_A2_MAX, "7А русский", "10-journal-russian-code");
        awaitClosingMessages(2);
        browser.open("/journals/" + JOURNAL_A_RUSSIAN);
        eventually(Duration.ofSeconds(20))
                .until(() -> browser.text(By.id("subject-chat-move")).equals("перенесён в MAX"));
        steps.shot("12-journal-russian-moved");

        // VK: exactly one closing message per journal's VK chat, naming the MAX chat, nothing created; MAX: one
        // confirmation per adopted chat
        api.runNow("adminA", task);
        assertThat(WORLD.vk.chats()).hasSize(2).allSatisfy(chat -> assertThat(chat.textMessages())
                .filteredOn(message -> message.text().contains(CLOSING))
                .singleElement()
                .satisfies(message -> assertThat(message.text()).contains("«" + chat.title() + "»")));
        assertThat(vkTextMessages()).isEqualTo(vkMessagesBefore + 2);
        assertThat(WORLD.vk.stats().callsOf("messages.createChat")).isEqualTo(vkChatsCreated);
        for (var chat : new long[] {maths, russian}) {
            assertThat(MAX.chat(chat).messages())
                    .filteredOn(message -> message.text().startsWith("Чат привязан к журналу"))
                    .hasSize(1);
        }

        browser.open("/orgs/" + SCHOOL_A + "/linkbase/move");
        assertThat(browser.text(By.id("move-progress")))
                .contains("Перенесено журналов: 2 из 2")
                .doesNotContain("ждёт привязки чата в MAX");
        assertThat(browser.driver().findElements(By.id("move-adoption-hint"))).isEmpty();
        steps.shot("13-move-progress-done");

        // readiness: the school's page and, as the district's coordinator, the district's
        browser.open("/orgs/" + SCHOOL_A + "/readiness");
        assertThat(browser.text(By.id("readiness-move"))).isEqualTo("Переход на MAX: перенесено журналов 2 из 2");
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        browser.waitFor(By.id("readiness-move")));
        steps.shot("14-readiness-school");
        browser.click(By.id("readiness-move"));
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/linkbase/move");
        steps.logOut();
        browser.logIn("district1", PASSWORD);
        browser.open("/districts/" + DISTRICT_1 + "/readiness");
        assertThat(browser.text(By.id("summary-move"))).isEqualTo("2 из 2");
        steps.scrollTo(By.id("summary-move"));
        steps.shot("15-readiness-district");
        steps.logOut();

        // «Вернуться в VK»: the preview, then the confirmation; the VK chats are the journals' chats again
        browser.logIn("adminA", PASSWORD);
        browser.open("/orgs/" + SCHOOL_A + "/linkbase/move");
        browser.click(By.id("move-back-preview"));
        assertThat(browser.text(By.id("move-preview-card"))).contains("Возврат в VK", "Ничего не будет создано заново");
        assertThat(messengerOfSchoolA()).as("a preview changes nothing").isEqualTo("MAX");
        steps.shot("16-move-back-preview");
        browser.click(By.id("move-back-confirm"));
        assertThat(browser.text(By.id("move-notice"))).startsWith("Школа вернулась в VK");
        assertThat(messengerOfSchoolA()).isEqualTo("VK");
        assertThat(browser.driver().findElements(By.id("move-progress")))
                .as("a school back on VK has no move in progress")
                .isEmpty();
        browser.waitFor(By.id("move-to-max"));
        steps.shot("17-moved-back");
        assertThat(jdbc.sql("select chat_id from sync.chat where organization_id = :school and state = 'ACTIVE'")
                        .param("school", SCHOOL_A)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(vkChats.values());
        var maxMessages =
                MAX.chats().stream().mapToInt(chat -> chat.messages().size()).sum();
        api.runNow("adminA", task);
        assertThat(WORLD.vk.chats()).hasSize(2);
        assertThat(WORLD.vk.stats().callsOf("messages.createChat")).isEqualTo(vkChatsCreated);
        assertThat(vkTextMessages()).isEqualTo(vkMessagesBefore + 2);
        assertThat(MAX.chats().stream().mapToInt(chat -> chat.messages().size()).sum())
                .isEqualTo(maxMessages);
    }

    /**
     * On the journal's page the admin shows the one-time code; the teacher, in MAX, creates a chat, adds the school's
     * bot as an admin and sends the code; the bot confirms in the chat. Returns the MAX chat's id.
     */
    private long adoptWithTheCodeFromTheJournalsPage(UUID journal, long teacher, String title, String shot) {
        browser.open("/journals/" + journal);
        assertThat(browser.text(By.id("subject-chat-move"))).isEqualTo("ждёт привязки чата в MAX");
        // the button is low on the page, where a click would hit the page's footer
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        browser.waitFor(By.id("chat-adoption-show-code")));
        browser.click(By.id("chat-adoption-show-code"));
        var code = browser.text(By.id("chat-adoption-code-value"));
        assertThat(code).matches("[A-Z0-9]{8}");
        steps.scrollTo(By.id("subject-chat"));
        steps.shot(shot);

        long chat = emulator("/chats", "{\"owner_id\": %d, \"title\": \"%s\"}".formatted(teacher, title))
                .get("chat_id")
                .asLong();
        emulator("/chats/" + chat + "/bots", "{\"by_user_id\": %d, \"bot_id\": %d}".formatted(teacher, BOT_A));
        emulator(
                "/chats/" + chat + "/admins",
                ("{\"by_user_id\": %d, \"user_id\": %d, \"permissions\": [\"read_all_messages\", "
                                + "\"add_remove_members\", \"change_chat_info\", \"pin_message\", \"write\"]}")
                        .formatted(teacher, BOT_A));
        emulator(
                "/chats/" + chat + "/messages",
                "{\"user_id\": %d, \"text\": \"Код журнала: %s\"}".formatted(teacher, code));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(MAX.chat(chat).messages())
                        .anyMatch(message -> message.text().startsWith("Чат привязан к журналу")));
        return chat;
    }

    /** Waits until {@code count} VK chats have their closing message and the queue is empty. */
    private void awaitClosingMessages(int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WORLD.vk.chats().stream()
                                .filter(chat -> chat.textMessages().stream()
                                        .anyMatch(message -> message.text().contains(CLOSING)))
                                .count()
                        == count);
        api.settle();
    }

    /** A person's action in MAX through the emulator's person API, over HTTP as any client would. */
    private tools.jackson.databind.JsonNode emulator(String path, String body) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(MAX.baseUrl() + "/_emulator" + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("POST /_emulator%s → %s", path, response.body())
                    .isEqualTo(200);
            return EverydaySteps.json(
                    response.body().isBlank() || response.body().equals("null") ? "{}" : response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String messengerOfSchoolA() {
        return jdbc.sql("select messenger from linkbase.sferum_community where organization_id = :school")
                .param("school", SCHOOL_A)
                .query(String.class)
                .single();
    }

    private int activeVkChats() {
        return jdbc.sql("select count(*) from sync.chat where community_id = :community and state = 'ACTIVE'")
                .param("community", EverydayWorld.COMMUNITY_A)
                .query(Integer.class)
                .single();
    }

    private int vkTextMessages() {
        return WORLD.vk.chats().stream()
                .mapToInt(chat -> chat.textMessages().size())
                .sum();
    }
}
