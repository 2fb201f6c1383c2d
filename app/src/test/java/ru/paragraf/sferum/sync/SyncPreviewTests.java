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
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import ru.paragraf.sferum.accounts.NewAccount;
import tools.jackson.databind.JsonNode;

/**
 * «Предпросмотр» against the real emulator: a connected school whose journals drifted from Sferum (changes that
 * reached the school data without an event, as an import brings them) shows in Russian what the next SFERUM_SYNC
 * run would do, changes nothing by showing it, and the run then does exactly that.
 *
 * <p>Workers look for work only when woken (the pump interval is long): the run's planning then finishes before
 * any of its operations is carried out, so their follow-ups (invite link, members, announcements) are planned by
 * the workers after the run's own planning, as they would be on a busy production node most of the time.
 */
@SpringBootTest(
        properties = {"sferum.sync.pump-interval=5s", "sferum.sync.backoff=200ms", "sferum.sync.run-timeout=8s"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncPreviewTests {

    static final EverydayWorld WORLD = EverydayWorld.start();
    static final UUID MATHS_LESSON = id(72),
            RUSSIAN_LESSON = id(73),
            SECOND_MATHS_LESSON = id(77),
            LATE_LESSON = id(78);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

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
    LocalDate tomorrow;

    @BeforeAll
    void connectSchoolA() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        accounts.registerAll(
                List.of(NewAccount.teacher("teacherA2", "Словесникова М.", SCHOOL_A, TEACHER_A2)), PASSWORD);
        steps = new EverydaySteps(mvc, jdbc, WORLD);
        task = steps.connectSchoolA();
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                EverydayWorld.TEACHER_A1_LOGIN,
                EverydayWorld.TEACHER_A1_PASSWORD,
                EverydayWorld.TEACHER_A1_VK);
        steps.linkVkId(
                "teacherA2",
                TEACHER_A2,
                EverydayWorld.TEACHER_A2_LOGIN,
                EverydayWorld.TEACHER_A2_PASSWORD,
                EverydayWorld.TEACHER_A2_VK);
        tomorrow = LocalDate.now(clock).plusDays(1);
        steps.moveLesson(MATHS_LESSON, tomorrow, "10:00");
        steps.moveLesson(RUSSIAN_LESSON, tomorrow, "12:00");
        steps.settle();
    }

    @Test
    @Order(1)
    void theNextRunOfASchoolThatIsNotConnectedWouldDoNothing() {
        var preview = preview("adminB", SCHOOL_B);
        assertThat(preview.get("state").asString()).isEqualTo("NOT_CONNECTED");
        assertThat(preview.get("stateText").asString()).contains("не подключена к Сферуму");
        assertThat(preview.get("operations").isEmpty()).isTrue();
        assertThat(steps.html("district1", "/orgs/" + SCHOOL_B + "/sync-preview"))
                .contains("Предпросмотр синхронизации", "Школа B", "не подключена к Сферуму")
                .doesNotContain("preview-operations");
    }

    @Test
    @Order(2)
    void theNextRunOfASchoolInStepWithItsJournalsWouldDoNothing() {
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WORLD.vk.chats().isEmpty()
                        && !WORLD.vk.chats().get(0).textMessages().isEmpty());
        steps.settle();

        var preview = preview("adminA", SCHOOL_A);
        assertThat(preview.get("state").asString()).isEqualTo("READY");
        assertThat(preview.get("operations").isEmpty()).isTrue();
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/sync-preview"))
                .contains("Следующий запуск ничего не изменит");
        assertThat(steps.html("adminA", "/exchange-tasks/" + task))
                .contains("id=\"sync-preview\"", "/orgs/" + SCHOOL_A + "/sync-preview");
    }

    @Test
    @Order(3)
    void thePreviewNamesEachObjectActionAndReasonInRussianAndChangesNothing() {
        driftSchoolA();
        var operationsBefore = operationCount();
        var callsBefore = WORLD.vk.calls().size();

        var preview = preview("adminA", SCHOOL_A);

        assertThat(keys(preview.get("operations"))).containsExactlyInAnyOrderElementsOf(expectedDrift());
        assertThat(rows(preview.get("operations")))
                .contains(
                        "Чат «Русский язык 7А» | создать чат | в журнале включён «Чат по предмету» и опубликован урок в режиме видеозвонка | PLANNED",
                        "Урок «Русский язык 7А», %s в 12:00 | начать видеозвонок | урок опубликован в режиме видеозвонка | PLANNED"
                                .formatted(tomorrow.format(DAY)),
                        "Урок «Математика 7А», %s в 14:00 | начать видеозвонок | урок опубликован в режиме видеозвонка | PLANNED"
                                .formatted(tomorrow.format(DAY)),
                        "Учитель Словесникова Мария в чате «Математика 7А» | добавить в чат | учитель журнала привязал VK ID, но ещё не участник чата | PLANNED",
                        "Урок «Математика 7А», %s в 10:00 | завершить видеозвонок | урок снят с публикации | PLANNED"
                                .formatted(tomorrow.format(DAY)),
                        "Урок «Математика 7А», %s в 10:00 | сообщить в чат об изменении урока | урок снят с публикации после того, как в чат отправлена ссылка на звонок | PLANNED"
                                .formatted(tomorrow.format(DAY)));
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/sync-preview"))
                .contains(
                        "Следующий запуск: действий — 6",
                        "Чат «Русский язык 7А»",
                        "Учитель Словесникова Мария в чате «Математика 7А»",
                        "завершить видеозвонок",
                        "Запустить сейчас");

        assertThat(operationCount()).as("the preview enqueues nothing").isEqualTo(operationsBefore);
        assertThat(WORLD.vk.chats()).as("the preview creates no chat").hasSize(1);
        assertThat(WORLD.vk.calls()).as("the preview starts no call").hasSize(callsBefore);
    }

    @Test
    @Order(4)
    void thePreviewOfASchoolEqualsWhatTheNextRunThenDoes() {
        var preview = keys(preview("adminA", SCHOOL_A).get("operations"));
        assertThat(preview).hasSize(6);

        var run = runNow();

        assertThat(operationsOfRun(run)).as("operations of run %s", run).isEqualTo(preview);
        var items = runItems(run);
        assertThat(items.stream()
                        .filter(item -> preview.stream().anyMatch(key -> key.startsWith(item + " ")))
                        .count())
                .as("one run item per operation")
                .isEqualTo(preview.size());
        var figures = runOf(run);
        assertThat(figures.get("run").get("processed").asInt())
                .as("the progress counts every object of the run's list: credentials, teachers, operations")
                .isEqualTo(figures.get("items").get("totalElements").asInt())
                .isEqualTo(figures.get("run").get("total").asInt())
                .isGreaterThan(preview.size());
        steps.settle();
        assertThat(WORLD.vk.chats()).extracting(chat -> chat.title()).contains("Русский язык 7А");
        assertThat(WORLD.vk.chats().stream()
                        .filter(chat -> chat.title().equals("Математика 7А"))
                        .findFirst()
                        .orElseThrow()
                        .activeMembers())
                .extracting(member -> member.memberId())
                .contains(EverydayWorld.TEACHER_A2_VK);
        assertThat(preview("adminA", SCHOOL_A).get("operations").isEmpty())
                .as("after the run and its follow-ups the school is in step")
                .isTrue();
    }

    @Test
    @Order(5)
    void operationsAlreadyQueuedAreShownOnceAndTheRunTakesThemOver() {
        insertLesson(LATE_LESSON, "16:00");
        jdbc.sql(
                        """
                        insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                                    next_attempt_at, problem, created_at)
                        values (:organization, :community, 'START_CALL', :key,
                                jsonb_build_object('lesson', :lesson, 'journal', :journal), 'PENDING', :later,
                                'VK ID не ответил; попытка будет повторена.', :now)
                        """)
                .param("organization", SCHOOL_A)
                .param("community", EverydayWorld.COMMUNITY_A)
                .param("key", "call:" + LATE_LESSON)
                .param("lesson", LATE_LESSON.toString())
                .param("journal", JOURNAL_A_MATHS.toString())
                .param("later", OffsetDateTime.now(clock).plusHours(1))
                .param("now", OffsetDateTime.now(clock))
                .update();

        var preview = preview("adminA", SCHOOL_A).get("operations");

        assertThat(rows(preview))
                .containsExactly(
                        "Урок «Математика 7А», %s в 16:00 | начать видеозвонок | ждёт новой попытки после ошибки: VK ID не ответил; попытка будет повторена. | QUEUED"
                                .formatted(tomorrow.format(DAY)));
        var run = runNow();
        assertThat(operationsOfRun(run)).isEqualTo(keys(preview));
        jdbc.sql("update sync.operation set status = 'CANCELLED' where object_key = :key and status = 'PENDING'")
                .param("key", "call:" + LATE_LESSON)
                .update();
    }

    /** School data changed without events (as an import changes it): only a full run catches it. */
    private void driftSchoolA() {
        jdbc.sql("update school.journal set subject_chat_requested = true where id = :id")
                .param("id", JOURNAL_A_RUSSIAN)
                .update();
        jdbc.sql("update school.lesson set format = 'VIDEO_CALL' where id = :id")
                .param("id", RUSSIAN_LESSON)
                .update();
        insertLesson(SECOND_MATHS_LESSON, "14:00");
        jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (:journal, :teacher)")
                .param("journal", JOURNAL_A_MATHS)
                .param("teacher", TEACHER_A2)
                .update();
        jdbc.sql("update school.lesson set publication = 'WITHDRAWN' where id = :id")
                .param("id", MATHS_LESSON)
                .update();
    }

    private Set<String> expectedDrift() {
        return Set.of(
                "CREATE_CHAT chat:" + JOURNAL_A_RUSSIAN + ":" + YEAR,
                "START_CALL call:" + RUSSIAN_LESSON,
                "START_CALL call:" + SECOND_MATHS_LESSON,
                "ADD_MEMBER member:" + JOURNAL_A_MATHS + ":" + YEAR + ":" + EverydayWorld.TEACHER_A2_VK,
                "FINISH_CALL call:" + MATHS_LESSON,
                // the withdrawn lesson's call was announced in the chat: the chat is told it is cancelled
                "ANNOUNCE_LESSON_CHANGE lesson-change:" + MATHS_LESSON + ":CANCELLED:" + tomorrow + " 10:00:00");
    }

    private void insertLesson(UUID lesson, String time) {
        jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                   duration_minutes, topic, format, publication)
                        values (:id, :journal, :organization, :day, cast(:time as time), 45, 'Проценты', 'VIDEO_CALL',
                                'PUBLISHED')
                        """)
                .param("id", lesson)
                .param("journal", JOURNAL_A_MATHS)
                .param("organization", SCHOOL_A)
                .param("day", tomorrow)
                .param("time", time)
                .update();
    }

    /** «Запустить сейчас» through the exchange API; waits until the run has ended and returns its id. */
    private UUID runNow() {
        var run = UUID.fromString(
                EverydaySteps.json(steps.api("adminA", post("/api/exchange-tasks/" + task + "/runs"), null))
                        .get("id")
                        .asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var status = runOf(run).get("run").get("status").asString();
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        });
        return run;
    }

    private JsonNode runOf(UUID run) {
        return EverydaySteps.json(steps.api("adminA", get("/api/exchange-runs/" + run), null));
    }

    /** The actions of the run's items, e.g. {@code START_CALL}. */
    private List<String> runItems(UUID run) {
        var actions = new java.util.ArrayList<String>();
        runOf(run)
                .get("items")
                .get("content")
                .forEach(item -> actions.add(item.get("action").asString()));
        return actions;
    }

    /**
     * The operations of the run that change something: the member checks of the chats (CHECK_MEMBERS) only read, and
     * the preview, which says what the run will change, does not list them.
     */
    private Set<String> operationsOfRun(UUID run) {
        return new HashSet<>(jdbc.sql(
                        "select kind || ' ' || object_key from sync.operation where run_id = :run and kind <> 'CHECK_MEMBERS'")
                .param("run", run)
                .query(String.class)
                .list());
    }

    private int operationCount() {
        return jdbc.sql("select count(*) from sync.operation")
                .query(Integer.class)
                .single();
    }

    private JsonNode preview(String who, UUID organization) {
        return EverydaySteps.json(steps.api(who, get("/api/orgs/" + organization + "/sync-preview"), null));
    }

    private static Set<String> keys(JsonNode operations) {
        var keys = new HashSet<String>();
        operations.forEach(it ->
                keys.add(it.get("kind").asString() + " " + it.get("objectKey").asString()));
        return keys;
    }

    private static List<String> rows(JsonNode operations) {
        var rows = new java.util.ArrayList<String>();
        operations.forEach(it -> rows.add(String.join(
                " | ",
                it.get("object").asString(),
                it.get("action").asString(),
                it.get("reason").asString(),
                it.get("status").asString())));
        return rows;
    }
}
