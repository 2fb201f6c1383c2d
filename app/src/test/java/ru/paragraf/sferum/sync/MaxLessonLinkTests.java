package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.maxemulator.EmulatorSnapshot;
import ru.paragraf.maxemulator.FaultPlan;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * Issue 18, «Lesson video links without a call API»: a MAX school's video lesson is posted in its journal's chat with
 * its link in the text and on a link button (MAX's {@code inline_keyboard}), once per lesson and link; a changed link
 * is said once as changed, a moved lesson as moved; a school's standing rooms' template gives the lessons without a
 * pasted link the journal's room. A VK school in the same engine keeps its calls and their announcements. Against both
 * emulators, MAX's read through its inspection API.
 */
@MaxSchoolContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaxLessonLinkTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final long BOT_B = 900_000_931L;
    static final String BOT_TOKEN_B = "max-lesson-link-test-school-b-8e1c4a7f2d6b40c9a3e5f7b1d2c4a6e8";
    static final long TEACHER_B1_MAX = 800_300_001L;
    static final UUID MATHS_LESSON_A = id(72), MATHS_LESSON_B = id(75), ROOM_LESSON_B = id(931);
    static final String PASTED = "https://telemost.yandex.ru/j/42424242";
    static final String CHANGED = "https://jazz.sber.ru/room-7b";
    static final String TEMPLATE = "https://telemost.yandex.ru/j/room-{journal}";

    static final MaxWorld MAX_WORLD = MaxWorld.beside(WORLD::register)
            .bot(BOT_B, "school_b_link_bot", "Школа Б — бот", BOT_TOKEN_B)
            .user(TEACHER_B1_MAX, "Борис", "Бэшкин")
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
    UUID taskB;
    long chatB;
    LocalDate tomorrow;

    @BeforeAll
    void aVkSchoolAndAMaxSchoolWithAnAdoptedChat() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        tomorrow = LocalDate.now(clock).plusDays(1);
        steps.connectSchoolA();
        taskB = steps.connectOnMax("adminB", SCHOOL_B, BOT_TOKEN_B);
        // the journal asks for a chat; a video lesson tomorrow, no link yet
        steps.chatAndVideoLessonRequested(JOURNAL_B_MATHS, MATHS_LESSON_B, tomorrow);
        chatB = steps.adoptedMaxChat(
                MAX_WORLD, SCHOOL_B, JOURNAL_B_MATHS, TEACHER_B1_MAX, BOT_B, "Математика 5Б", clock);
    }

    @AfterAll
    void stopMax() {
        MAX.close();
    }

    @Test
    @Order(1)
    void aPastedLinkIsPostedOnceWithALinkButtonAndAVkSchoolKeepsItsCall() throws Exception {
        // the VK school's video lesson, in the same engine
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api(
                "adminA",
                put("/api/lessons/" + MATHS_LESSON_A),
                "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(tomorrow));
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON_A + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON_A + "/publish"), null);

        // school B's teacher pastes the link on the lesson
        editLessonB(tomorrow, "10:00", PASTED);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(linkMessages(PASTED)).hasSize(1));
        var message = linkMessages(PASTED).get(0);
        assertThat(message.text())
                .as("the lesson, its time, and the link in the text too")
                .contains("Математика 5Б", tomorrow.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .contains("10:00", PASTED);
        assertThat(message.buttons()).singleElement().satisfies(button -> {
            assertThat(button.type()).isEqualTo("link");
            assertThat(button.url()).isEqualTo(PASTED);
            assertThat(button.text()).isEqualTo("Подключиться к уроку");
        });
        assertThat(message.senderId()).isEqualTo(BOT_B);

        // repeated runs post nothing more
        steps.runNow("adminB", taskB);
        steps.runNow("adminB", taskB);
        assertThat(linkMessages(PASTED)).hasSize(1);
        assertThat(MAX.chat(chatB).messages())
                .as("nothing else said in the chat")
                .hasSize(1);
        assertThat(jdbc.sql("select link from sync.lesson_link where lesson_id = :lesson")
                        .param("lesson", MATHS_LESSON_B)
                        .query(String.class)
                        .single())
                .as("the ledger remembers what was told")
                .isEqualTo(PASTED);

        // the VK school got its call announced as ever, and no lesson link
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        steps.count("sync.call where organization_id = '%s' and announced".formatted(SCHOOL_A)) == 1);
        assertThat(steps.count("sync.operation where organization_id = '%s' and kind = 'ANNOUNCE_LESSON_LINK'"
                        .formatted(SCHOOL_A)))
                .isZero();
        assertThat(WORLD.vk.snapshot().chats().stream()
                        .flatMap(chat -> chat.messages().stream())
                        .map(m -> m.text())
                        .filter(text -> text.startsWith("Видеозвонок: "))
                        .count())
                .as("the VK chat's announcement, worded as before")
                .isEqualTo(1);
        assertThat(steps.count("sync.call where organization_id = '%s'".formatted(SCHOOL_B)))
                .as("no call for the MAX school")
                .isZero();
    }

    @Test
    @Order(2)
    void aChangedLinkIsSaidOnceAsChanged() throws Exception {
        editLessonB(tomorrow, "10:00", CHANGED);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(linkMessages(CHANGED)).hasSize(1));
        steps.settle();
        steps.runNow("adminB", taskB);

        var changed = linkMessages(CHANGED);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).text())
                .startsWith("Ссылка на урок изменилась")
                .contains(CHANGED);
        assertThat(changed.get(0).buttons())
                .extracting(EmulatorSnapshot.Button::url)
                .containsExactly(CHANGED);
        assertThat(MAX.chat(chatB).messages())
                .as("the first message and the change")
                .hasSize(2);
    }

    @Test
    @Order(3)
    void aLessonMovedAfterItsLinkWasToldIsSaidToBeMovedOnce() throws Exception {
        editLessonB(tomorrow, "12:00", CHANGED);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(MAX.chat(chatB).texts())
                        .anySatisfy(text -> assertThat(text).startsWith("Урок «Математика 5Б» перенесён")));
        steps.settle();
        steps.runNow("adminB", taskB);

        assertThat(MAX.chat(chatB).texts().stream().filter(text -> text.contains("перенесён")))
                .singleElement()
                .asString()
                .contains("10:00", "12:00");
        assertThat(linkMessages(CHANGED))
                .as("the link did not change: not posted again")
                .hasSize(1);
        assertThat(MAX.chat(chatB).messages()).hasSize(3);
    }

    @Test
    @Order(4)
    void aBadVideoRoomTemplateIsRefusedInRussianAndChangesNothing() throws Exception {
        var noPlaceholder = policy("https://telemost.yandex.ru/j/one-room-for-all");
        assertThat(noPlaceholder.getStatus()).isEqualTo(422);
        assertThat(noPlaceholder.getContentAsString())
                .contains("urn:sferum:problem:invalid-video-room-template")
                .contains("В шаблоне нет {journal}");

        var notAllowed = policy("https://video.example.org/{journal}");
        assertThat(notAllowed.getStatus()).isEqualTo(422);
        assertThat(notAllowed.getContentAsString()).contains("не входит в разрешённые для уроков");

        var notHttps = policy("http://telemost.yandex.ru/j/{journal}");
        assertThat(notHttps.getStatus()).isEqualTo(422);
        assertThat(notHttps.getContentAsString()).contains("должна начинаться с https://");

        assertThat(jdbc.sql("select count(*) from school.chat_policy where video_room_template is not null")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    @Order(5)
    void aStandingRoomFromTheTemplateIsPostedForALessonWithoutAPastedLinkAndAPastedLinkOverridesIt() throws Exception {
        jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                   duration_minutes, topic, format, publication)
                        values (:lesson, :journal, :school, :date, '14:00', 45, null, 'VIDEO_CALL', 'PUBLISHED')""")
                .param("lesson", ROOM_LESSON_B)
                .param("journal", JOURNAL_B_MATHS)
                .param("school", SCHOOL_B)
                .param("date", tomorrow)
                .update();

        var saved = policy(TEMPLATE);
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("\"videoRoomTemplate\":\"" + TEMPLATE + "\"");

        var room = "https://telemost.yandex.ru/j/room-" + JOURNAL_B_MATHS;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(linkMessages(room)).hasSize(1));
        steps.settle();
        steps.runNow("adminB", taskB);

        assertThat(linkMessages(room)).hasSize(1);
        assertThat(linkMessages(room).get(0).text())
                .startsWith("Урок по видеосвязи")
                .contains("14:00", room);
        assertThat(linkMessages(CHANGED))
                .as("the pasted link overrides the room")
                .hasSize(1);
        assertThat(MAX.chat(chatB).messages()).hasSize(4);
        assertThat(steps.count("audit.entry where action = 'VIDEO_ROOM_TEMPLATE_SET'"))
                .as("audited")
                .isEqualTo(1);
        assertThat(steps.html("adminB", "/journals/" + JOURNAL_B_MATHS))
                .as("the journal says plainly that MAX starts no calls, and where the link comes from")
                .contains("Бот MAX не умеет начинать видеозвонки")
                .contains("id=\"journal-video-room\"")
                .contains(room);
    }

    @Test
    @Order(6)
    void aLessonLinkWhoseAnswerWasLostIsPostedOnceAfterTheRetry() throws Exception {
        var lost = "https://ktalk.ru/lost-answer-room";
        MAX.faults(FaultPlan.NONE.withLostResponse("POST /messages", 1));
        try {
            editLessonB(tomorrow, "12:00", lost);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> steps.count("sync.sent_message where mid is not null") == 5);
        } finally {
            MAX.faults(FaultPlan.NONE);
        }
        steps.settle();
        steps.runNow("adminB", taskB);

        assertThat(linkMessages(lost))
                .as("MAX took the first send; the retry found it")
                .hasSize(1);
        assertThat(MAX.chat(chatB).messages()).hasSize(5);
        assertThat(steps.count("sync.operation where kind = 'ANNOUNCE_LESSON_LINK' and status = 'DONE'"
                        + " and attempts >= 2"))
                .as("the lost answer was retried")
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void aMaxSchoolsReadinessCountsAVideoLessonWithALinkAsReady() throws Exception {
        // a lesson of this week with its link, whatever the day of the week
        jdbc.sql("update school.lesson set lesson_date = :today where id = :lesson")
                .param("today", LocalDate.now(clock))
                .param("lesson", MATHS_LESSON_B)
                .update();
        var withLinks = steps.count(
                """
                school.sync_lesson l where l.organization_id = '%s' and l.format = 'VIDEO_CALL'
                  and l.publication = 'PUBLISHED' and l.lesson_link is not null
                  and l.lesson_date between date_trunc('week', cast('%s' as date)) and date_trunc('week', cast('%s' as date)) + interval '6 days'"""
                        .formatted(SCHOOL_B, LocalDate.now(clock), LocalDate.now(clock)));
        assertThat(withLinks).isPositive();

        var page = steps.html("adminB", "/orgs/" + SCHOOL_B + "/readiness");
        assertThat(page).contains("Со ссылкой на урок", "Уроков по видеосвязи опубликовано");
        var ready = java.util.regex.Pattern.compile("id=\"calls-ready\"[^>]*>(\\d+)<")
                .matcher(page);
        assertThat(ready.find()).as("the figure on the page").isTrue();
        assertThat(Integer.parseInt(ready.group(1)))
                .as("the MAX school's video lessons of the week that have a link, though no call is ever started")
                .isEqualTo(withLinks);
    }

    private void editLessonB(LocalDate date, String startsAt, String link) throws Exception {
        steps.api(
                "adminB",
                put("/api/lessons/" + MATHS_LESSON_B),
                "{\"date\":\"%s\",\"startsAt\":\"%s\",\"durationMinutes\":45,\"topic\":\"Дроби\",\"videoLink\":\"%s\"}"
                        .formatted(date, startsAt, link));
    }

    private org.springframework.mock.web.MockHttpServletResponse policy(String template) throws Exception {
        return mvc.perform(put("/api/orgs/" + SCHOOL_B + "/chat-policy")
                        .with(httpBasic("adminB", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentsInChats\": false, \"removeStrangers\": true, \"videoRoomTemplate\": \"%s\"}"
                                .formatted(template)))
                .andReturn()
                .getResponse();
    }

    /** The chat's messages whose link button opens {@code url}. */
    private List<EmulatorSnapshot.Message> linkMessages(String url) {
        return MAX.chat(chatB).messages().stream()
                .filter(message -> message.buttons().stream().anyMatch(button -> url.equals(button.url())))
                .toList();
    }
}
