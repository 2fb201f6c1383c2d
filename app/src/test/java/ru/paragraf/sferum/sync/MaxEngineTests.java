package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.maxemulator.FaultPlan;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.sync.max.MaxMessengerProvider;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.Outcome;

/**
 * A MAX school beside a VK school in one engine: school B's bot manages the members of a chat a teacher made in MAX
 * and handed to the bot (as adoption leaves it), by the people's MAX accounts; the engine plans for it nothing the bot
 * cannot do, while school A's VK community gets its chat and call in the same runs. Against both emulators.
 */
@MaxSchoolContext
@TestPropertySource(properties = MaxSchoolContext.HOLD_SHARE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaxEngineTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final long BOT_B = 900_000_712L;
    static final String BOT_TOKEN_B = "max-engine-test-school-b-3d9f1a7c5e2b48d6a0c4e8f2b6d1a3c5";
    static final long TEACHER_B1_MAX = 800_100_001L, PUPIL_B_MAX = 800_100_002L;
    static final long PUPIL_B2_MAX = 800_100_003L, PUPIL_B3_MAX = 800_100_004L;
    static final UUID PUPIL_B2 = id(251), PUPIL_B3 = id(252), CLASS_B_6A = id(253);
    static final UUID MATHS_LESSON_A = id(72), MATHS_LESSON_B = id(75);

    static final MaxWorld MAX_WORLD = MaxWorld.beside(WORLD::register)
            .bot(BOT_B, "school_b_bot", "Школа Б — бот", BOT_TOKEN_B)
            .user(TEACHER_B1_MAX, "Борис", "Бэшкин")
            .user(PUPIL_B_MAX, "Вера", "Ученикова")
            .user(PUPIL_B2_MAX, "Гриша", "Второв")
            .userRefusingBots(PUPIL_B3_MAX, "Даша", "Закрытова")
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

    @Autowired
    MaxMessengerProvider maxProvider;

    SyncSteps steps;
    UUID taskB;
    long chatB;
    LocalDate tomorrow;

    @BeforeAll
    void connectAVkSchoolAndAMaxSchoolWithAnAdoptedChat() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        tomorrow = LocalDate.now(clock).plusDays(1);
        steps.connectSchoolA();
        taskB = steps.connectOnMax("adminB", SCHOOL_B, BOT_TOKEN_B);
        pupilsOfSchoolB();
        linkMax("employee", TEACHER_B1, TEACHER_B1_MAX);
        linkMax("pupil", PUPIL_B, PUPIL_B_MAX);
        linkMax("pupil", PUPIL_B2, PUPIL_B2_MAX);
        linkMax("pupil", PUPIL_B3, PUPIL_B3_MAX);
        // the journal asks for a chat and has a video lesson tomorrow: a VK school would get a chat and a call
        steps.chatAndVideoLessonRequested(JOURNAL_B_MATHS, MATHS_LESSON_B, tomorrow);
        // the teacher made the chat in MAX and handed it to the school's bot; adoption bound it to the journal
        chatB = steps.adoptedMaxChat(
                MAX_WORLD, SCHOOL_B, JOURNAL_B_MATHS, TEACHER_B1_MAX, BOT_B, "Математика 5Б", clock);
    }

    @AfterAll
    void stopMax() {
        MAX.close();
    }

    @Test
    @Order(1)
    void theBotPutsLinkedPeopleIntoTheMaxChatAndNothingElseIsPlannedForIt() throws Exception {
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api(
                "adminA",
                put("/api/lessons/" + MATHS_LESSON_A),
                "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(tomorrow));
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON_A + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON_A + "/publish"), null);

        steps.runNow("adminB", taskB);

        assertThat(MAX.chat(chatB).memberIds())
                .contains(TEACHER_B1_MAX, PUPIL_B_MAX, PUPIL_B2_MAX, BOT_B)
                .doesNotContain(PUPIL_B3_MAX);
        assertThat(MAX.chat(chatB).member(PUPIL_B_MAX).orElseThrow().name()).contains("Вера");
        assertThat(steps.count(
                        "sync.chat_member where organization_id = '%s' and state = 'ACTIVE'".formatted(SCHOOL_B)))
                .as("the teacher and two pupils")
                .isEqualTo(3);
        assertThat(jdbc.sql("select problem from sync.chat_member where vk_user_id = :user and state = 'FAILED'")
                        .param("user", PUPIL_B3_MAX)
                        .query(String.class)
                        .single())
                .as("the privacy refusal, in Russian, on the person")
                .contains("Настройки приватности этого человека в MAX");
        var members = steps.api("adminB", get("/api/journals/" + JOURNAL_B_MATHS + "/chat-members"), null);
        assertThat(members)
                .as("the journal's chat members by their MAX accounts")
                .contains("\"vkUserId\":" + PUPIL_B_MAX, "\"vkUserId\":" + PUPIL_B3_MAX)
                .contains("Настройки приватности этого человека в MAX")
                .contains("IN_CHAT", "ERROR");
        assertThat(kindsPlannedFor(SCHOOL_B))
                .as("a MAX school gets no chat, no link and no call from the engine")
                .doesNotContain("CREATE_CHAT", "INVITE_LINK", "RENEW_INVITE_LINK", "START_CALL", "RENEW_CALL")
                .contains("ADD_MEMBER", "CHECK_MEMBERS");
        assertThat(jdbc.sql("select state from sync.chat where organization_id = :school")
                        .param("school", SCHOOL_B)
                        .query(String.class)
                        .single())
                .as("the run's check found the chat the bot's to manage")
                .isEqualTo("ACTIVE");
        assertThat(steps.count("sync.chat_stranger where organization_id = '%s'".formatted(SCHOOL_B)))
                .as("the bot, the teacher and the pupils are no strangers")
                .isZero();

        // the VK school, planned by the same engine meanwhile, got its chat and its call
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        steps.count("sync.chat where organization_id = '%s' and state = 'ACTIVE'".formatted(SCHOOL_A))
                                        == 1
                                && steps.count("sync.call where organization_id = '%s' and state = 'ACTIVE'"
                                                .formatted(SCHOOL_A))
                                        == 1);
        assertThat(kindsPlannedFor(SCHOOL_A)).contains("CREATE_CHAT", "INVITE_LINK", "START_CALL");
        assertThat(MAX.snapshot().chats()).as("nothing of school A went to MAX").hasSize(1);
    }

    @Test
    @Order(2)
    void aPupilMovedToAnotherClassIsTakenOutOfTheMaxChat() throws Exception {
        jdbc.sql("update school.pupil set class_unit_id = :class where id = :pupil")
                .param("class", CLASS_B_6A)
                .param("pupil", PUPIL_B2)
                .update();

        steps.runNow("adminB", taskB);

        assertThat(MAX.chat(chatB).memberIds())
                .contains(TEACHER_B1_MAX, PUPIL_B_MAX)
                .doesNotContain(PUPIL_B2_MAX);
        assertThat(jdbc.sql("select state from sync.chat_member where vk_user_id = :user")
                        .param("user", PUPIL_B2_MAX)
                        .query(String.class)
                        .single())
                .isEqualTo("REMOVED");
    }

    @Test
    @Order(3)
    void aMessageWhoseAnswerWasLostIsPostedOnceAfterTheRetry() {
        var bot = new CommunityAccess(BOT_B, BOT_TOKEN_B);
        var text = "Урок математики перенесён на 11:00";
        MAX.faults(FaultPlan.NONE.withLostResponse("POST /messages", 1));
        try {
            var first = maxProvider.post(bot, chatB, 4_242L, text);
            assertThat(first).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed<Boolean>) first).problem().ambiguous()).isTrue();
            assertThat(MAX.chat(chatB).texts()).as("MAX posted it all the same").containsOnlyOnce(text);

            assertThat(maxProvider.post(bot, chatB, 4_242L, text)).isEqualTo(Outcome.done(true));
            assertThat(maxProvider.post(bot, chatB, 4_242L, text)).isEqualTo(Outcome.done(true));
        } finally {
            MAX.faults(FaultPlan.NONE);
        }
        assertThat(MAX.chat(chatB).texts().stream().filter(text::equals)).hasSize(1);
        assertThat(MAX.stats().callsOf("POST /messages")).isEqualTo(1);

        // another post of the same text is another message
        assertThat(maxProvider.post(bot, chatB, 4_243L, text)).isEqualTo(Outcome.done(true));
        assertThat(MAX.chat(chatB).texts().stream().filter(text::equals)).hasSize(2);
    }

    @Test
    @Order(4)
    void aRenameToTheTitleTheChatHasChangesNothingAndAChatTheBotDoesNotAdministerIsNotPresent() {
        var bot = new CommunityAccess(BOT_B, BOT_TOKEN_B);
        assertThat(maxProvider.rename(bot, chatB, "Математика 5Б")).isEqualTo(Outcome.done(true));
        assertThat(MAX.stats().callsOf("PATCH /chats/{chatId}")).isZero();
        assertThat(maxProvider.rename(bot, chatB, "Математика 5Б · 2026/2027")).isEqualTo(Outcome.done(true));
        assertThat(MAX.chat(chatB).title()).isEqualTo("Математика 5Б · 2026/2027");

        var notAdmin = MAX.createChat(TEACHER_B1_MAX, "Классный чат 5Б");
        MAX.addBotToChat(notAdmin, TEACHER_B1_MAX, BOT_B);
        var notMember = MAX.createChat(TEACHER_B1_MAX, "Родительский чат 5Б");
        assertThat(maxProvider.presentChats(bot, List.of(chatB, notAdmin, notMember, 77_000_000L)))
                .isEqualTo(Outcome.done(java.util.Set.of(chatB)));
    }

    private List<String> kindsPlannedFor(UUID school) {
        return jdbc.sql("select distinct kind from sync.operation where organization_id = :school")
                .param("school", school)
                .query(String.class)
                .list();
    }

    private void pupilsOfSchoolB() {
        jdbc.sql(
                        """
                        insert into school.class_unit (id, organization_id, academic_year_id, grade, letter)
                        values (:class, :school, :year, 6, 'А')""")
                .param("class", CLASS_B_6A)
                .param("school", SCHOOL_B)
                .param("year", YEAR)
                .update();
        for (var pupil : List.of(PUPIL_B2, PUPIL_B3)) {
            jdbc.sql(
                            """
                            insert into school.pupil (id, organization_id, class_unit_id, last_name, first_name)
                            values (:pupil, :school, :class, :last, :first)""")
                    .param("pupil", pupil)
                    .param("school", SCHOOL_B)
                    .param("class", CLASS_B_5B)
                    .param("last", pupil.equals(PUPIL_B2) ? "Второв" : "Закрытова")
                    .param("first", pupil.equals(PUPIL_B2) ? "Гриша" : "Даша")
                    .update();
        }
    }

    /** The person linked their MAX account (as the diary's deep link to the school's bot records it). */
    private void linkMax(String table, UUID person, long maxUser) {
        jdbc.sql("update school." + table + " set max_user_id = :user, max_linked_at = :now where id = :person")
                .param("user", maxUser)
                .param("now", OffsetDateTime.now(clock))
                .param("person", person)
                .update();
    }
}
