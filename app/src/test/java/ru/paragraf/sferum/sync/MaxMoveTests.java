package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.paragraf.maxemulator.ChatPermission;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.FaultPlan;
import tools.jackson.databind.JsonNode;

/**
 * A VK school moves to MAX and back, against both emulators: school A has two journals' chats in VK; the admin
 * previews the move with the school's bot token, confirms, the teacher adopts a MAX chat for each journal with its
 * code, and each VK chat gets exactly one closing message pointing to the MAX chat; nothing else is created in VK and
 * nothing is said twice in MAX; the progress shows the journals moved; moving back makes the VK chats the journals'
 * chats again without creating anything.
 */
@MaxSchoolContext
@TestPropertySource(properties = {MaxSchoolContext.HOLD_SHARE, MaxSchoolContext.INBOX})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaxMoveTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final long BOT_A = 900_000_951L, BOT_B = 900_000_952L;
    static final String BOT_TOKEN_A = "max-move-test-school-a-8d1f3b5a7c9e41d2b6a0c4e8f2d6b1a3";
    static final String BOT_TOKEN_B = "max-move-test-school-b-2c4e6a8b0d1f43a5b7c9e1d3f5a7b9c1";
    static final long TEACHER_A1_MAX = 800_900_001L;
    static final UUID MATHS_LESSON = id(72), RUSSIAN_LESSON = id(73);
    static final Pattern CODE = ChatAdoptionTests.CODE;
    static final String CLOSING = "перенесён в MAX";

    static final MaxWorld MAX_WORLD = MaxWorld.beside(WORLD::register)
            .bot(BOT_A, "school_a_move_bot", "Школа А — бот", BOT_TOKEN_A)
            .bot(BOT_B, "school_b_move_bot", "Школа Б — бот", BOT_TOKEN_B)
            .user(TEACHER_A1_MAX, "Пётр", "Учителев")
            .start();
    static final MaxEmulator MAX = MAX_WORLD.max;

    @DynamicPropertySource
    static void messengers(DynamicPropertyRegistry registry) {
        MAX_WORLD.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    SyncSteps steps;
    UUID task;
    final Map<UUID, Long> vkChats = new HashMap<>();
    final Map<UUID, Long> maxChats = new HashMap<>();
    int vkMessagesBeforeTheMove;
    long vkChatsCreatedBeforeTheMove;

    @BeforeAll
    void schoolAHasTwoJournalsChatsInVk() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        task = steps.connectSchoolA(SyncSteps.YEARLY_TASK);
        var tomorrow = LocalDate.now(clock).plusDays(1);
        for (var lesson : new UUID[] {MATHS_LESSON, RUSSIAN_LESSON}) {
            steps.api(
                    "adminA",
                    put("/api/lessons/" + lesson),
                    "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                            .formatted(tomorrow));
        }
        for (var journal : new UUID[] {JOURNAL_A_MATHS, JOURNAL_A_RUSSIAN}) {
            steps.api("adminA", put("/api/journals/" + journal + "/subject-chat"), "{\"requested\": true}");
        }
        steps.api("adminA", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("adminA", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        steps.api("adminA", put("/api/lessons/" + RUSSIAN_LESSON + "/video-call"), "{\"on\": true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> activeChatsOf(SyncWorld.COMMUNITY_A) == 2);
        steps.settle();
        for (var journal : new UUID[] {JOURNAL_A_MATHS, JOURNAL_A_RUSSIAN}) {
            vkChats.put(
                    journal,
                    jdbc.sql("select chat_id from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                            .param("journal", journal)
                            .query(Long.class)
                            .single());
        }
        assertThat(WORLD.vk.chats()).hasSize(2);
        // school B holds its own bot
        steps.chooseMax("adminB", SCHOOL_B, BOT_TOKEN_B);
    }

    @AfterAll
    void stopMax() {
        MAX.close();
    }

    @Test
    @Order(1)
    void aMalformedOrRefusedBotTokenIsRefusedWithARussianProblemAndChangesNothing() throws Exception {
        var malformed = problem(post("/api/orgs/" + SCHOOL_A + "/messenger/move/preview"), "{\"botToken\": \"x\"}");
        assertThat(malformed.get("status").asInt()).isEqualTo(422);
        assertThat(malformed.get("reason").asString()).isEqualTo("INVALID_TOKEN");

        var refused = problem(
                post("/api/orgs/" + SCHOOL_A + "/messenger/move"),
                "{\"botToken\": \"max-move-test-no-such-bot-token-0000000000000000\"}");
        assertThat(refused.get("status").asInt()).isEqualTo(422);
        assertThat(refused.get("reason").asString()).isEqualTo("TOKEN_REFUSED");
        assertThat(refused.get("detail").asString()).contains("токен бота MAX недействителен");
        assertThat(messengerOfSchoolA()).isEqualTo("VK");
    }

    @Test
    @Order(2)
    void aBotOfAnotherSchoolIsRefused() throws Exception {
        var taken =
                problem(post("/api/orgs/" + SCHOOL_A + "/messenger/move"), "{\"botToken\": \"" + BOT_TOKEN_B + "\"}");
        assertThat(taken.get("status").asInt()).isEqualTo(409);
        assertThat(taken.get("reason").asString()).isEqualTo("BOT_TAKEN");
        assertThat(messengerOfSchoolA()).isEqualTo("VK");
        assertThat(steps.count("sync.previous_chat")).isZero();
    }

    @Test
    @Order(3)
    void thePreviewCountsTheJournalsWithVkChatsAndSaysWhatHappens() throws Exception {
        var preview = EverydaySteps.json(steps.api(
                "adminA",
                post("/api/orgs/" + SCHOOL_A + "/messenger/move/preview"),
                "{\"botToken\": \"" + BOT_TOKEN_A + "\"}"));
        assertThat(preview.get("to").asString()).isEqualTo("MAX");
        assertThat(preview.get("bot").asString()).isEqualTo("@school_a_move_bot");
        assertThat(preview.get("journalsWithChats").asInt()).isEqualTo(2);
        assertThat(preview.get("consequences").toString())
                .contains("Журналов с чатами по предмету в VK: 2")
                .contains("одноразовый код")
                .contains("последнее сообщение")
                .contains("нет API звонков")
                .contains("Ссылку на видеоурок");
        assertThat(messengerOfSchoolA()).as("a preview changes nothing").isEqualTo("VK");
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/readiness"))
                .as("a VK school's credentials card speaks VK")
                .contains("Идентификатор и токен сообщества VK Сферум", "Проверено VK Сферум:")
                .doesNotContain("Бот MAX", "Проверено MAX");
    }

    @Test
    @Order(4)
    void afterConfirmTheSchoolIsOnMaxItsVkCommunityKeptAndItsVkChatsArePreviousChats() throws Exception {
        vkChatsCreatedBeforeTheMove = WORLD.vk.stats().callsOf("messages.createChat");
        vkMessagesBeforeTheMove = vkTextMessages();
        // on the page: the preview checks the token and keeps it off the page; the confirmation uses it once
        var admin = steps.login("adminA");
        var refusedPage = mvc.perform(post("/orgs/" + SCHOOL_A + "/linkbase/move/preview")
                        .param("botToken", BOT_TOKEN_B)
                        .session(admin)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refusedPage).contains("move-error").contains("другой образовательной организации");
        var previewPage = mvc.perform(post("/orgs/" + SCHOOL_A + "/linkbase/move/preview")
                        .param("botToken", BOT_TOKEN_A)
                        .session(admin)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(previewPage)
                .contains("@school_a_move_bot")
                .contains("Журналов с чатами по предмету в VK: 2")
                .contains("move-confirm")
                .doesNotContain(BOT_TOKEN_A);
        assertThat(messengerOfSchoolA()).isEqualTo("VK");
        var confirmed = mvc.perform(post("/orgs/" + SCHOOL_A + "/linkbase/move")
                        .session(admin)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/orgs/" + SCHOOL_A + "/linkbase/move");
        var moved = EverydaySteps.json(steps.api("adminA", get("/api/orgs/" + SCHOOL_A + "/messenger/move"), null));
        assertThat(moved.get("messenger").asString()).isEqualTo("MAX");
        assertThat(moved.get("toMove").asInt()).isEqualTo(2);
        assertThat(moved.get("moved").asInt()).isZero();
        assertThat(moved.get("journals").toString()).contains("WAITING_FOR_ADOPTION");

        assertThat(messengerOfSchoolA()).isEqualTo("MAX");
        assertThat(jdbc.sql("select community_id from linkbase.kept_community where organization_id = :school")
                        .param("school", SCHOOL_A)
                        .query(Long.class)
                        .single())
                .isEqualTo(SyncWorld.COMMUNITY_A);
        assertThat(jdbc.sql(
                                "select chat_id from sync.previous_chat where organization_id = :school and messenger = 'VK'")
                        .param("school", SCHOOL_A)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(vkChats.values());
        assertThat(activeChatsOf(SyncWorld.COMMUNITY_A)).isZero();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'MESSENGER_MOVED'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        steps.runNow("adminA", task);
        assertThat(WORLD.vk.stats().callsOf("messages.createChat"))
                .as("nothing created in VK")
                .isEqualTo(vkChatsCreatedBeforeTheMove);
        assertThat(WORLD.vk.chats()).allSatisfy(chat -> assertThat(chat.textMessages())
                .noneMatch(message -> message.text().contains(CLOSING)));
        assertThat(steps.html("adminA", "/journals/" + JOURNAL_A_MATHS))
                .contains("chat-adoption-code")
                .contains("ждёт привязки чата в MAX");
        var readiness = readinessOfSchoolA();
        assertThat(readiness.at("/school/move/toMove").asInt()).isEqualTo(2);
        assertThat(readiness.at("/school/move/moved").asInt()).isZero();
    }

    @Test
    @Order(5)
    void eachVkChatGetsExactlyOneClosingMessageOnceItsJournalsMaxChatIsAdoptedEvenWhenVksAnswerIsLost()
            throws Exception {
        // VK posts the closing messages but their answers are lost: each is tried again with the same random_id
        WORLD.vk.faults(FaultPlan.NONE.withLostResponse(1.0, "messages.send"));
        for (var journal : new UUID[] {JOURNAL_A_MATHS, JOURNAL_A_RUSSIAN}) {
            var code = adoptionCode(journal);
            var chat = MAX.createChat(TEACHER_A1_MAX, "чат " + journal);
            MAX.addBotToChat(chat, TEACHER_A1_MAX, BOT_A);
            MAX.makeAdmin(chat, TEACHER_A1_MAX, BOT_A, EnumSet.allOf(ChatPermission.class));
            MAX.sendMessage(chat, TEACHER_A1_MAX, "Код журнала: " + code);
            maxChats.put(journal, chat);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> steps.count("sync.operation where kind = 'CLOSE_PREVIOUS_CHAT' and attempts >= 2") == 2);
        WORLD.vk.clearFaults();
        steps.settle();
        assertThat(WORLD.vk.chats()).allSatisfy(chat -> assertThat(chat.textMessages())
                .filteredOn(message -> message.text().contains(CLOSING))
                .hasSize(1));
        assertThat(WORLD.vk.chats())
                .as("the closing message names the journal's chat, as the MAX chat is titled now")
                .allSatisfy(chat -> assertThat(chat.textMessages())
                        .filteredOn(message -> message.text().contains(CLOSING))
                        .singleElement()
                        .satisfies(message -> assertThat(message.text()).contains("«" + chat.title() + "»")));
        assertThat(maxChats.values()).allSatisfy(chat -> assertThat(WORLD.vk.chats())
                .extracting(EmulatorSnapshot.Chat::title)
                .contains(MAX.chat(chat).title()));
        // a scheduled run later: nothing again in either messenger
        steps.runNow("adminA", task);
        assertThat(vkTextMessages()).isEqualTo(vkMessagesBeforeTheMove + 2);
        assertThat(WORLD.vk.stats().callsOf("messages.createChat")).isEqualTo(vkChatsCreatedBeforeTheMove);
        for (var chat : maxChats.values()) {
            assertThat(MAX.chat(chat).messages())
                    .filteredOn(message -> message.text().startsWith("Чат привязан к журналу"))
                    .hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from sync.previous_chat where closed_at is not null")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    @Order(6)
    void theProgressShowsEveryJournalMovedOnTheApiAndTheJournalPage() throws Exception {
        var progress = EverydaySteps.json(steps.api("adminA", get("/api/orgs/" + SCHOOL_A + "/messenger/move"), null));
        assertThat(progress.get("moved").asInt()).isEqualTo(2);
        assertThat(progress.get("toMove").asInt()).isEqualTo(2);
        assertThat(progress.get("journals").toString())
                .contains("перенесён в MAX")
                .doesNotContain("WAITING");
        assertThat(progress.get("canMoveBack").asBoolean()).isTrue();
        for (var journal : new UUID[] {JOURNAL_A_MATHS, JOURNAL_A_RUSSIAN}) {
            assertThat(steps.html("adminA", "/journals/" + journal))
                    .contains("перенесён в MAX")
                    .doesNotContain("ждёт привязки чата в MAX");
        }
    }

    @Test
    @Order(7)
    void readinessShowsTheMovesProgressPerSchoolAndDistrictAndCountsTeachersByTheirMaxAccount() throws Exception {
        var school = readinessOfSchoolA();
        assertThat(school.at("/school/move/moved").asInt()).isEqualTo(2);
        assertThat(school.at("/school/move/toMove").asInt()).isEqualTo(2);
        var district =
                EverydaySteps.json(steps.api("district1", get("/api/districts/" + DISTRICT_1 + "/readiness"), null));
        assertThat(district.at("/district/totals/moves/schools").asInt()).isEqualTo(1);
        assertThat(district.at("/district/totals/moves/moved").asInt()).isEqualTo(2);
        assertThat(district.at("/district/totals/moves/toMove").asInt()).isEqualTo(2);
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/readiness"))
                .contains("Переход на MAX: перенесено журналов 2 из 2")
                .as("a MAX school's credentials card speaks MAX: the bot by its @username")
                .contains("Бот MAX и его токен", "Бот MAX @school_a_move_bot", "Проверено MAX:")
                .doesNotContain("Идентификатор и токен сообщества VK Сферум", "Проверено VK Сферум");

        // teacher A1 has a VK ID, but a MAX school adds teachers by their MAX account
        assertThat(school.at("/school/teachers/linked").asInt()).isZero();
        jdbc.sql("update school.employee set max_user_id = :max, max_linked_at = now() where id = :teacher")
                .param("max", TEACHER_A1_MAX)
                .param("teacher", TEACHER_A1)
                .update();
        assertThat(readinessOfSchoolA().at("/school/teachers/linked").asInt()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void movingBackMakesTheVkChatsTheJournalsChatsAgainAndCreatesNothing() throws Exception {
        var preview = EverydaySteps.json(
                steps.api("adminA", post("/api/orgs/" + SCHOOL_A + "/messenger/move-back/preview"), null));
        assertThat(preview.get("journalsToRestore").asInt()).isEqualTo(2);
        assertThat(preview.get("journalsWithChats").asInt()).isEqualTo(2);
        assertThat(messengerOfSchoolA()).isEqualTo("MAX");

        var back =
                EverydaySteps.json(steps.api("adminA", post("/api/orgs/" + SCHOOL_A + "/messenger/move-back"), null));
        assertThat(back.get("messenger").asString()).isEqualTo("VK");
        assertThat(messengerOfSchoolA()).isEqualTo("VK");
        assertThat(jdbc.sql("select chat_id from sync.chat where organization_id = :school and state = 'ACTIVE'")
                        .param("school", SCHOOL_A)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(vkChats.values());
        assertThat(jdbc.sql(
                                "select chat_id from sync.previous_chat where organization_id = :school and messenger = 'MAX'")
                        .param("school", SCHOOL_A)
                        .query(Long.class)
                        .list())
                .as("the MAX chats stay bound, not synchronized")
                .containsExactlyInAnyOrderElementsOf(maxChats.values());
        var maxMessages =
                MAX.chats().stream().mapToInt(chat -> chat.messages().size()).sum();
        steps.runNow("adminA", task);
        assertThat(WORLD.vk.chats()).hasSize(2);
        assertThat(WORLD.vk.stats().callsOf("messages.createChat")).isEqualTo(vkChatsCreatedBeforeTheMove);
        assertThat(MAX.chats().stream().mapToInt(chat -> chat.messages().size()).sum())
                .isEqualTo(maxMessages);

        var again = problem(post("/api/orgs/" + SCHOOL_A + "/messenger/move-back"), null);
        assertThat(again.get("status").asInt()).isEqualTo(409);
        assertThat(again.get("reason").asString()).isEqualTo("NOTHING_TO_MOVE_BACK");
    }

    private JsonNode problem(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.with(httpBasic("adminA", PASSWORD)).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        return EverydaySteps.json(response.getContentAsString());
    }

    private String adoptionCode(UUID journal) throws Exception {
        var card = mvc.perform(post("/journals/" + journal + "/chat-adoption-code")
                        .header("HX-Request", "true")
                        .session(steps.login("adminA"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var matcher = CODE.matcher(card);
        assertThat(matcher.find()).as("the card shows the code").isTrue();
        return matcher.group(1);
    }

    private JsonNode readinessOfSchoolA() throws Exception {
        return EverydaySteps.json(steps.api("adminA", get("/api/orgs/" + SCHOOL_A + "/readiness"), null));
    }

    private String messengerOfSchoolA() {
        return jdbc.sql("select messenger from linkbase.sferum_community where organization_id = :school")
                .param("school", SCHOOL_A)
                .query(String.class)
                .single();
    }

    private int activeChatsOf(long community) {
        return jdbc.sql("select count(*) from sync.chat where community_id = :community and state = 'ACTIVE'")
                .param("community", community)
                .query(Integer.class)
                .single();
    }

    private int vkTextMessages() {
        return WORLD.vk.chats().stream()
                .mapToInt(chat -> chat.textMessages().size())
                .sum();
    }
}
