package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.MovableClock;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.vkemulator.EmulatorSnapshot;

/**
 * A call lives around its lesson (DESIGN §4, docs/architecture.md «Жизнь звонка»), each rule pinned by a test named
 * after it, against the real emulator and with a clock the test moves: the evening before, a maths lesson of
 * tomorrow 09:00 is published in video mode; VK ends its call overnight; shortly before the lesson the call is
 * replaced, after the lesson plus the grace period it is finished. The scheduled step of lesson times fires every
 * second here, as it would every minute; a test that must see it plan nothing calls it itself.
 */
@SpringBootTest(
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms", "sferum.sync.calls.interval=1s"})
@AutoConfigureMockMvc
@Import(CallLifeTests.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallLifeTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25), TOMORROW = TODAY.plusDays(1);
    static final UUID MORNING_LESSON = id(71), LATE_LESSON = id(72);

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

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    MovableClock clock;

    @Autowired
    CallTimes callTimes;

    SyncSteps steps;
    String firstLink, secondLink;

    @BeforeAll
    void schoolAConnectedWithTheMathsChatRequested() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        steps.connectSchoolA(SyncSteps.YEARLY_TASK);
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        moveLesson(MORNING_LESSON, "09:00");
        moveLesson(LATE_LESSON, "11:00");
        steps.settle();
    }

    @Test
    @Order(1)
    void aCallStartedBeforeTheWindowIsReplacedShortlyBeforeTheLesson() throws Exception {
        publishAsVideo(MORNING_LESSON);
        await().atMost(Duration.ofSeconds(20)).until(() -> chat() != null && texts() == 1);
        steps.settle();
        firstLink = call(MORNING_LESSON).joinLink();
        var first = emulatorCall(firstLink);
        assertThat(first.state()).isEqualTo("active");

        assertThat(WORLD.vk.finishCall(first.callId()))
                .as("VK ends the call overnight")
                .isTrue();

        clock.moveTo(at(TOMORROW, "08:44").toInstant());
        assertThat(callTimes.planDue())
                .as("a minute before the window: nothing due")
                .isZero();
        steps.settle();
        assertThat(WORLD.vk.calls()).hasSize(1);

        clock.moveTo(at(TOMORROW, "08:45").plusSeconds(30).toInstant());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> call(MORNING_LESSON).generation() == 2
                        && call(MORNING_LESSON).state() == CallState.ACTIVE
                        && texts() == 2);
        steps.settle();

        secondLink = call(MORNING_LESSON).joinLink();
        assertThat(secondLink).isNotEqualTo(firstLink);
        assertThat(emulatorCall(secondLink).state()).isEqualTo("active");
        assertThat(emulatorCall(secondLink).startedBy()).isEqualTo(SyncWorld.TEACHER_A1_VK);
        assertThat(emulatorCall(firstLink).state()).isEqualTo("finished");
        assertThat(WORLD.vk.stats().callsOf("calls.start")).isEqualTo(2);
        assertThat(WORLD.vk.stats().callsOf("calls.forceFinish"))
                .as("the old call finished, harmless though VK had ended it")
                .isEqualTo(1);
        var announcements = chat().textMessages();
        assertThat(announcements).hasSize(2);
        assertThat(announcements.get(1).text())
                .startsWith("Новая ссылка на видеозвонок: Математика 7А, 26.11.2026 в 09:00")
                .contains(secondLink, "Прежняя ссылка больше не действует")
                .doesNotContain(firstLink);

        var diary = steps.html("pupilA", "/diary?week=" + TOMORROW);
        assertThat(diary).contains(secondLink).doesNotContain(firstLink);
        var journal = steps.html("teacherA1", "/journals/" + JOURNAL_A_MATHS + "?month=2026-11");
        assertThat(journal).contains(secondLink).doesNotContain(firstLink);
    }

    @Test
    @Order(2)
    void aRepeatedRenewalStartsNoSecondCall() {
        assertThat(callTimes.planDue()).isZero();
        // the same renewal again, of the generation it replaced: as if planned on a second node after the first ran
        jdbc.sql(
                        """
                        insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                                    next_attempt_at, created_at)
                        values (:organization, :community, 'RENEW_CALL', 'call:' || :lesson,
                                jsonb_build_object('v', 2, 'lesson', :lesson, 'journal', :journal, 'generation', 1),
                                'PENDING', :now, :now)
                        """)
                .param("organization", SCHOOL_A)
                .param("community", SyncWorld.COMMUNITY_A)
                .param("lesson", MORNING_LESSON.toString())
                .param("journal", JOURNAL_A_MATHS.toString())
                .param("now", OffsetDateTime.now(clock))
                .update();
        steps.settle();
        clock.moveTo(at(TOMORROW, "08:50").toInstant());
        assertThat(callTimes.planDue())
                .as("the new call was started inside the window")
                .isZero();
        steps.settle();

        assertThat(call(MORNING_LESSON).generation()).isEqualTo(2);
        assertThat(call(MORNING_LESSON).joinLink()).isEqualTo(secondLink);
        assertThat(WORLD.vk.stats().callsOf("calls.start")).isEqualTo(2);
        assertThat(WORLD.vk.stats().callsOf("calls.forceFinish")).isEqualTo(1);
        assertThat(texts()).isEqualTo(2);
        assertThat(steps.count("sync.operation where kind = 'RENEW_CALL' and status <> 'DONE'"))
                .as("the repeat was carried out, and did nothing")
                .isZero();
    }

    @Test
    @Order(3)
    void aCallIsFinishedAfterTheLessonPlusGrace() {
        clock.moveTo(at(TOMORROW, "09:59").toInstant());
        assertThat(callTimes.planDue())
                .as("the lesson ended at 09:45: the call lives 15 minutes more")
                .isZero();
        steps.settle();
        assertThat(emulatorCall(secondLink).state()).isEqualTo("active");
        assertThat(call(MORNING_LESSON).state()).isEqualTo(CallState.ACTIVE);

        clock.moveTo(at(TOMORROW, "10:00").plusSeconds(30).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> call(MORNING_LESSON).state() == CallState.FINISHED);
        steps.settle();

        var finished = emulatorCall(secondLink);
        assertThat(finished.state()).isEqualTo("finished");
        assertThat(finished.finishedBy())
                .as("finished with the token of the teacher who started it")
                .isEqualTo(SyncWorld.TEACHER_A1_VK);
        assertThat(WORLD.vk.stats().callsOf("calls.forceFinish")).isEqualTo(2);
        assertThat(WORLD.vk.stats().callsOf("calls.start"))
                .as("an ended lesson's call is not started again")
                .isEqualTo(2);
        assertThat(callTimes.planDue()).isZero();
    }

    @Test
    @Order(4)
    void theDiaryShowsAFinishedCallAsFinished() throws Exception {
        var diary = steps.html("pupilA", "/diary?week=" + TOMORROW);
        var row = row(diary, MORNING_LESSON);
        assertThat(row).contains("видеозвонок завершён").doesNotContain("Присоединиться", "diary-call-link");
        assertThat(diary).doesNotContain(firstLink).doesNotContain(secondLink);

        var journal = steps.html("teacherA1", "/journals/" + JOURNAL_A_MATHS + "?month=2026-11");
        assertThat(row(journal, MORNING_LESSON))
                .contains("видеозвонок завершён")
                .doesNotContain("Присоединиться", "lesson-call-link");
        assertThat(journal).doesNotContain(secondLink);
    }

    @Test
    @Order(5)
    void aCallStartedInsideTheWindowIsNotReplaced() {
        clock.moveTo(at(TOMORROW, "10:50").toInstant());
        publishAsVideo(LATE_LESSON);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> call(LATE_LESSON) != null && call(LATE_LESSON).state() == CallState.ACTIVE);
        steps.settle();
        var link = call(LATE_LESSON).joinLink();

        clock.moveTo(at(TOMORROW, "10:59").toInstant());
        assertThat(callTimes.planDue()).isZero();
        steps.settle();

        assertThat(call(LATE_LESSON).generation()).isOne();
        assertThat(call(LATE_LESSON).joinLink()).isEqualTo(link);
        assertThat(emulatorCall(link).state()).isEqualTo("active");
        assertThat(WORLD.vk.stats().callsOf("calls.start")).isEqualTo(3);
    }

    private void publishAsVideo(UUID lesson) {
        try {
            steps.api("teacherA1", put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
            steps.api("teacherA1", post("/api/lessons/" + lesson + "/publish"), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void moveLesson(UUID lesson, String time) throws Exception {
        steps.api(
                "adminA",
                put("/api/lessons/" + lesson),
                "{\"date\":\"%s\",\"startsAt\":\"%s\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(TOMORROW, time));
    }

    private static ZonedDateTime at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), MOSCOW);
    }

    /** The lesson's call in the ledger; null before there is one. */
    private Ledger.Call call(UUID lesson) {
        return jdbc.sql("select state, generation, call_id, join_link, announced from sync.call where lesson_id = :l")
                .param("l", lesson)
                .query((rs, row) -> new Ledger.Call(
                        CallState.valueOf(rs.getString("state")),
                        rs.getInt("generation"),
                        rs.getString("call_id"),
                        rs.getString("join_link"),
                        null,
                        rs.getBoolean("announced"),
                        null))
                .optional()
                .orElse(null);
    }

    private static EmulatorSnapshot.Call emulatorCall(String joinLink) {
        return WORLD.vk.calls().stream()
                .filter(call -> call.joinLink().equals(joinLink))
                .findFirst()
                .orElseThrow();
    }

    private static EmulatorSnapshot.Chat chat() {
        return WORLD.vk.chats().isEmpty() ? null : WORLD.vk.chats().get(0);
    }

    private static int texts() {
        var chat = chat();
        return chat == null ? 0 : chat.textMessages().size();
    }

    /** The table row of the lesson in a page's HTML. */
    private static String row(String html, UUID lesson) {
        var start = html.indexOf("id=\"lesson-" + lesson + "\"");
        assertThat(start).as("the lesson's row").isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
