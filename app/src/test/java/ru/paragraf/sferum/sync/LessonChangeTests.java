package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.EverydayWorld;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * A lesson changed after its call was announced in the subject chat is said so there, once (issue 17, acceptance 2):
 * moved, switched to in-person, withdrawn; never about a lesson the chat did not hear of, never twice for one change,
 * and a chain of changes made before the message goes out as its net change. The chat is read in the emulator.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LessonChangeTests {

    static final EverydayWorld WORLD = EverydayWorld.start();
    static final UUID MOVED = id(72), IN_PERSON = id(81), WITHDRAWN = id(82), NEVER_VIDEO = id(83), CHESS = id(74);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    EverydaySteps steps;
    UUID task;
    String tomorrow;
    String dayAfter;

    @BeforeAll
    void aConnectedSchoolWithTheMathsChat() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        for (var lesson : List.of(IN_PERSON, WITHDRAWN, NEVER_VIDEO)) {
            jdbc.sql(
                            """
                            insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                       duration_minutes, topic, publication)
                            values (:id, :journal, :school, :day, '08:00', 45, 'Дроби', 'DRAFT')
                            """)
                    .param("id", lesson)
                    .param("journal", JOURNAL_A_MATHS)
                    .param("school", SCHOOL_A)
                    .param("day", LocalDate.now(clock).plusDays(1))
                    .update();
        }
        steps = new EverydaySteps(mvc, jdbc, WORLD);
        task = steps.connectSchoolA();
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                EverydayWorld.TEACHER_A1_LOGIN,
                EverydayWorld.TEACHER_A1_PASSWORD,
                EverydayWorld.TEACHER_A1_VK);
        tomorrow = LocalDate.now(clock).plusDays(1).format(DATE);
        dayAfter = LocalDate.now(clock).plusDays(2).format(DATE);
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
    }

    @AfterEach
    void noFaults() {
        WORLD.vk.clearFaults();
    }

    @Test
    @Order(1)
    void aMovedLessonIsAnnouncedOnceWithWhatChanged() {
        publishVideoLesson(MOVED, LocalDate.now(clock).plusDays(1), "10:00");
        var call = WORLD.vk.calls().get(0).callId();

        steps.moveLesson(MOVED, LocalDate.now(clock).plusDays(2), "12:00");
        steps.settle();
        steps.moveLesson(MOVED, LocalDate.now(clock).plusDays(2), "12:00"); // the same again: no change
        steps.runNow("adminA", task);

        assertThat(messagesAfterAnnouncementOf(MOVED))
                .containsExactly("Урок «Математика 7А» перенесён: было %s в 10:00 — стало %s в 12:00."
                        .formatted(tomorrow, dayAfter));
        assertThat(WORLD.vk.calls()).as("the same call goes on").singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo(call);
            assertThat(c.state()).isNotEqualTo("finished");
        });
    }

    /**
     * VK posted the message and its answer was lost: the attempt is repeated with the same random_id, and VK posts
     * nothing twice; the same operation replayed later (as after a crash before it was recorded) says nothing.
     */
    @Test
    @Order(2)
    void aReplayedChangePostsNothingTwice() {
        var before = WORLD.vk.chats().get(0).textMessages().size();
        WORLD.vk.faults(FaultPlan.NONE.withLostResponse(1.0, "messages.send"));
        steps.moveLesson(MOVED, LocalDate.now(clock).plusDays(2), "13:00");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> WORLD.vk.chats().get(0).textMessages().size() > before
                        && count("sync.operation where kind = 'ANNOUNCE_LESSON_CHANGE' and attempts >= 2") > 0);
        WORLD.vk.clearFaults();
        steps.settle();
        replayTheLastLessonChangeOperation();
        steps.settle();
        steps.runNow("adminA", task);

        assertThat(WORLD.vk.chats().get(0).textMessages()).hasSize(before + 1);
        assertThat(lastMessage())
                .isEqualTo("Урок «Математика 7А» перенесён: было %s в 12:00 — стало %s в 13:00."
                        .formatted(dayAfter, dayAfter));
    }

    /**
     * Changes made before the message went out (VK failing meanwhile) are said as one: where the lesson was for the
     * chat, and where it is now; the steps in between are not.
     */
    @Test
    @Order(3)
    void aChainOfChangesBeforeTheMessageGoesOutIsSaidAsItsNetChange() {
        var before = WORLD.vk.chats().get(0).textMessages().size();
        WORLD.vk.faults(FaultPlan.NONE.withError(10, 1.0, "messages.send"));
        steps.moveLesson(MOVED, LocalDate.now(clock).plusDays(2), "14:00");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("sync.operation where kind = 'ANNOUNCE_LESSON_CHANGE' and attempts >= 1"
                                + " and status = 'PENDING'")
                        > 0);
        steps.moveLesson(MOVED, LocalDate.now(clock).plusDays(1), "15:00");
        steps.moveLesson(MOVED, LocalDate.now(clock).plusDays(1), "16:00");
        WORLD.vk.clearFaults();
        steps.settle();

        assertThat(WORLD.vk.chats().get(0).textMessages()).hasSize(before + 1);
        assertThat(lastMessage())
                .isEqualTo("Урок «Математика 7А» перенесён: было %s в 13:00 — стало %s в 16:00."
                        .formatted(dayAfter, tomorrow));
    }

    @Test
    @Order(4)
    void aLessonSwitchedToInPersonIsSaidInPersonOnce() {
        publishVideoLesson(IN_PERSON, LocalDate.now(clock).plusDays(1), "08:00");
        var call = callOf(IN_PERSON);

        steps.api("teacherA1", put("/api/lessons/" + IN_PERSON + "/video-call"), "{\"on\": false}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "finished".equals(emulatorCall(call).state()));
        steps.settle();
        steps.api("teacherA1", put("/api/lessons/" + IN_PERSON + "/video-call"), "{\"on\": false}");
        steps.runNow("adminA", task);

        assertThat(messagesAfterAnnouncementOf(IN_PERSON))
                .containsExactly(
                        "Урок «Математика 7А» %s в 08:00 проводится очно, видеозвонка не будет.".formatted(tomorrow));
    }

    @Test
    @Order(5)
    void aWithdrawnLessonIsSaidCancelledOnce() {
        publishVideoLesson(WITHDRAWN, LocalDate.now(clock).plusDays(2), "09:00");
        var call = callOf(WITHDRAWN);

        steps.api("teacherA1", post("/api/lessons/" + WITHDRAWN + "/withdraw"), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "finished".equals(emulatorCall(call).state()));
        steps.settle();
        steps.api("teacherA1", post("/api/lessons/" + WITHDRAWN + "/withdraw"), null);
        steps.runNow("adminA", task);

        assertThat(messagesAfterAnnouncementOf(WITHDRAWN))
                .containsExactly("Урок «Математика 7А» %s в 09:00 отменён.".formatted(dayAfter));
    }

    /**
     * A lesson the chat never heard of — never held by video call, or in a journal without a chat — is not spoken of
     * when it is moved, switched or withdrawn, even though its call (where it had one) is finished.
     */
    @Test
    @Order(6)
    void aLessonTheChatNeverHeardOfIsNotAnnounced() {
        var before = WORLD.vk.chats().get(0).textMessages().size();
        steps.api("teacherA1", post("/api/lessons/" + NEVER_VIDEO + "/publish"), null);
        steps.moveLesson(NEVER_VIDEO, LocalDate.now(clock).plusDays(2), "11:00");
        steps.api("teacherA1", post("/api/lessons/" + NEVER_VIDEO + "/withdraw"), null);

        steps.moveLesson(CHESS, LocalDate.now(clock).plusDays(1), "15:30");
        steps.api("teacherA1", put("/api/lessons/" + CHESS + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + CHESS + "/publish"), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> callOf(CHESS) != null);
        var chessCall = callOf(CHESS);
        steps.moveLesson(CHESS, LocalDate.now(clock).plusDays(2), "15:30");
        steps.api("teacherA1", post("/api/lessons/" + CHESS + "/withdraw"), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "finished".equals(emulatorCall(chessCall).state()));
        steps.settle();
        steps.runNow("adminA", task);

        assertThat(WORLD.vk.chats()).as("the chess journal has no chat").hasSize(1);
        assertThat(WORLD.vk.chats().get(0).textMessages()).hasSize(before);
        assertThat(count("sync.operation where kind = 'ANNOUNCE_LESSON_CHANGE' and payload ->> 'lesson' in ('%s', '%s')"
                        .formatted(NEVER_VIDEO, CHESS)))
                .isZero();
    }

    /**
     * A lesson held already is no news: withdrawn after it took place as announced, its call is finished and the chat
     * is told nothing. (The ledger is set to what it would hold had the lesson been announced for yesterday: the
     * application's clock is the real one here.)
     */
    @Test
    @Order(7)
    void aLessonHeldAlreadyIsNoNews() {
        var yesterday = LocalDate.now(clock).minusDays(1);
        jdbc.sql(
                        """
                        with held as (update school.lesson set lesson_date = :day, starts_at = time '10:00',
                                                               duration_minutes = 45
                                      where id = :lesson)
                        update sync.call set told_start = :day + time '10:00', told_end = :day + time '10:45'
                        where lesson_id = :lesson
                        """)
                .param("day", yesterday)
                .param("lesson", MOVED)
                .update();
        var before = WORLD.vk.chats().get(0).textMessages().size();
        var operations = lessonChangeOperationsOf(MOVED);
        var call = callOf(MOVED);

        steps.api("teacherA1", post("/api/lessons/" + MOVED + "/withdraw"), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "finished".equals(emulatorCall(call).state()));
        steps.settle();
        steps.runNow("adminA", task);

        assertThat(WORLD.vk.chats().get(0).textMessages()).hasSize(before);
        assertThat(lessonChangeOperationsOf(MOVED)).isEqualTo(operations);
    }

    /**
     * The chat VK lost meanwhile: the change cannot be said there; the operation fails with the chat recorded lost, as
     * an announcement's does, and the chat that replaces it — which never heard of the lesson — gets the lesson's
     * announcement at its new time, and no message about a change.
     */
    @Test
    @Order(8)
    void aChangeForAChatVkLostFailsWithTheLostChatAndTheNewChatHearsOnlyTheNewTime() {
        steps.api("teacherA1", post("/api/lessons/" + WITHDRAWN + "/publish"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var link = joinLinkOf(WITHDRAWN);
            return link != null
                    && WORLD.vk.chats().get(0).textMessages().stream()
                            .anyMatch(m -> m.text().contains(link));
        });
        steps.settle();
        var lost = WORLD.vk.chats().get(0);
        assertThat(WORLD.vk.deleteChat(lost.id())).isTrue();

        steps.moveLesson(WITHDRAWN, LocalDate.now(clock).plusDays(2), "11:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.chats().stream()
                .anyMatch(chat -> chat.id() != lost.id() && !chat.textMessages().isEmpty()));
        steps.settle();

        assertThat(jdbc.sql(
                                """
                                select problem from sync.operation
                                where kind = 'ANNOUNCE_LESSON_CHANGE' and payload ->> 'lesson' = :lesson
                                  and status = 'FAILED'
                                """)
                        .param("lesson", WITHDRAWN.toString())
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("Чат «Математика 7А» больше не существует в VK Сферум");
        var replacement = WORLD.vk.chats().stream()
                .filter(chat -> chat.id() != lost.id())
                .findFirst()
                .orElseThrow();
        assertThat(replacement.textMessages()).singleElement().satisfies(message -> assertThat(message.text())
                .startsWith("Видеозвонок: Математика 7А, %s в 11:00.".formatted(dayAfter))
                .contains(joinLinkOf(WITHDRAWN)));
    }

    private int lessonChangeOperationsOf(UUID lesson) {
        return count("sync.operation where kind = 'ANNOUNCE_LESSON_CHANGE' and payload ->> 'lesson' = '%s'"
                .formatted(lesson));
    }

    private void publishVideoLesson(UUID lesson, LocalDate day, String time) {
        steps.moveLesson(lesson, day, time);
        steps.api("teacherA1", put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + lesson + "/publish"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var link = joinLinkOf(lesson);
            return link != null
                    && !WORLD.vk.chats().isEmpty()
                    && WORLD.vk.chats().get(0).textMessages().stream()
                            .anyMatch(m -> m.text().contains(link));
        });
        steps.settle();
    }

    /** The chat's messages after the announcement of the lesson's call, in order. */
    private List<String> messagesAfterAnnouncementOf(UUID lesson) {
        var link = joinLinkOfAnnounced(lesson);
        var texts = WORLD.vk.chats().get(0).textMessages().stream()
                .map(EmulatorSnapshot.Message::text)
                .toList();
        var announcement = -1;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(link)) {
                announcement = i;
            }
        }
        assertThat(announcement).as("the announcement of %s", lesson).isNotNegative();
        return texts.subList(announcement + 1, texts.size()).stream()
                .filter(text -> !text.startsWith("Видеозвонок:"))
                .toList();
    }

    private int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }

    private String lastMessage() {
        var messages = WORLD.vk.chats().get(0).textMessages();
        return messages.get(messages.size() - 1).text();
    }

    /** Runs the lesson's last ANNOUNCE_LESSON_CHANGE operation once more, as if it had never been recorded. */
    private void replayTheLastLessonChangeOperation() {
        jdbc.sql(
                        """
                        insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                                    next_attempt_at, created_at)
                        select organization_id, community_id, kind, object_key, payload, 'PENDING', now(), now()
                        from sync.operation where kind = 'ANNOUNCE_LESSON_CHANGE' order by id desc limit 1
                        """)
                .update();
    }

    private String joinLinkOf(UUID lesson) {
        return jdbc.sql("select join_link from sync.call where lesson_id = :lesson and state = 'ACTIVE'")
                .param("lesson", lesson)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String joinLinkOfAnnounced(UUID lesson) {
        var call = callOf(lesson);
        return emulatorCall(call).joinLink();
    }

    private String callOf(UUID lesson) {
        return jdbc.sql("select call_id from sync.call where lesson_id = :lesson and call_id is not null")
                .param("lesson", lesson)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private EmulatorSnapshot.Call emulatorCall(String callId) {
        return WORLD.vk.calls().stream()
                .filter(c -> c.callId().equals(callId))
                .findFirst()
                .orElseThrow();
    }
}
