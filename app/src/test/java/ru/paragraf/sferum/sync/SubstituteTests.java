package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.MovableClock;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;

/**
 * A lesson given to a substitute («замена», issue 17): the substitute starts its call, and is in the journal's chat
 * for the lesson's day, out after the lesson's end plus the grace period unless they teach the journal. Against the
 * real emulator with a clock the test moves, as {@link CallLifeTests}: the evening before, teacher A2 (Russian)
 * substitutes for teacher A1 at tomorrow's 11:00 maths lesson.
 */
@SpringBootTest(
        properties = {
            "sferum.sync.pump-interval=100ms",
            "sferum.sync.backoff=200ms",
            "sferum.sync.calls.interval=1s",
            "sferum.sync.hold.share=1"
        })
@AutoConfigureMockMvc
@Import(SubstituteTests.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubstituteTests {

    static final long TEACHER_A2_VK = 700_300_002L;
    static final String TEACHER_A2_LOGIN = "slovesnikova@vk.test", TEACHER_A2_PASSWORD = "vk-password-a2";
    static final SyncWorld WORLD = SyncWorld.start(
            Seed.User.of(TEACHER_A2_VK, "Мария", "Словесникова", TEACHER_A2_LOGIN, TEACHER_A2_PASSWORD));
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25), TOMORROW = TODAY.plusDays(1);
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

    @BeforeAll
    void schoolAConnectedWithTheMathsChatRequestedAndBothTeachersLinked() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        accounts.registerAll(
                List.of(NewAccount.teacher("teacherA2", "Словесникова М.", SCHOOL_A, TEACHER_A2)), PASSWORD);
        steps.connectSchoolA(SyncSteps.YEARLY_TASK);
        steps.linkVkId("teacherA2", TEACHER_A2, TEACHER_A2_VK, TEACHER_A2_LOGIN, TEACHER_A2_PASSWORD);
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api(
                "adminA",
                put("/api/lessons/" + LESSON),
                "{\"date\":\"%s\",\"startsAt\":\"11:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(TOMORROW));
        steps.settle();
    }

    @Test
    @Order(1)
    void aSubstitutesLessonCallIsStartedWithTheSubstitutesToken() throws Exception {
        steps.api(
                "teacherA1",
                put("/api/lessons/" + LESSON + "/substitute"),
                "{\"employee\": \"%s\"}".formatted(TEACHER_A2));
        steps.api("teacherA1", put("/api/lessons/" + LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WORLD.vk.calls().isEmpty() && members().contains(SyncWorld.TEACHER_A1_VK));
        steps.settle();

        var call = WORLD.vk.calls().get(0);
        assertThat(call.startedBy())
                .as("the substitute's token, though the journal's teacher has one too")
                .isEqualTo(TEACHER_A2_VK);
        assertThat(members())
                .as("the evening before the lesson's day the substitute is not in the chat yet")
                .contains(SyncWorld.TEACHER_A1_VK)
                .doesNotContain(TEACHER_A2_VK);
    }

    @Test
    @Order(2)
    void theJournalAndTheDiariesShowWhoHoldsTheLessonAndAnotherSchoolsEmployeeIsRefused() throws Exception {
        var journal = steps.html("teacherA1", "/journals/" + JOURNAL_A_MATHS + "?month=2026-11");
        assertThat(row(journal, LESSON)).contains("Замена: Словесникова Мария");
        assertThat(row(steps.html("pupilA", "/diary?week=" + TOMORROW), LESSON)).contains("Замена: Словесникова Мария");
        assertThat(row(steps.html("teacherA2", "/diary?week=" + TOMORROW), LESSON))
                .as("the substitute's own diary has the lesson")
                .contains("Замена: Словесникова Мария");

        var refused = mvc.perform(put("/api/lessons/" + LESSON + "/substitute")
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employee\": \"%s\"}".formatted(TEACHER_B1)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Заменять урок может только сотрудник этой школы")
                .contains("substitute-not-allowed");
        assertThat(jdbc.sql("select substitute_employee_id from school.lesson where id = :id")
                        .param("id", LESSON)
                        .query(UUID.class)
                        .single())
                .isEqualTo(TEACHER_A2);
    }

    @Test
    @Order(3)
    void aSubstituteIsInTheChatForTheDayAndOutAfter() {
        clock.moveTo(at(TOMORROW, "00:00").plusSeconds(30).toInstant());
        callTimes.planDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> members().contains(TEACHER_A2_VK));
        steps.settle();

        clock.moveTo(at(TOMORROW, "11:59").toInstant());
        callTimes.planDue();
        steps.settle();
        assertThat(members())
                .as("the lesson ended at 11:45: the substitute stays for the grace period")
                .contains(TEACHER_A2_VK, SyncWorld.TEACHER_A1_VK);

        clock.moveTo(at(TOMORROW, "12:00").plusSeconds(30).toInstant());
        callTimes.planDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> !members().contains(TEACHER_A2_VK));
        steps.settle();
        assertThat(members()).contains(SyncWorld.TEACHER_A1_VK);
        assertThat(WORLD.vk.calls().get(WORLD.vk.calls().size() - 1).finishedBy())
                .as("the call finished with the token of the substitute who started it")
                .isEqualTo(TEACHER_A2_VK);
    }

    @Test
    @Order(4)
    void aSubstituteWhoTeachesTheJournalStays() throws Exception {
        // teacher A2 teaches maths too from now (the school's data), and substitutes at a lesson of the day
        jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (:journal, :employee)")
                .param("journal", JOURNAL_A_MATHS)
                .param("employee", TEACHER_A2)
                .update();
        var lesson = id(71);
        steps.api(
                "adminA",
                put("/api/lessons/" + lesson),
                "{\"date\":\"%s\",\"startsAt\":\"13:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(TOMORROW));
        steps.api(
                "adminA",
                put("/api/lessons/" + lesson + "/substitute"),
                "{\"employee\": \"%s\"}".formatted(TEACHER_A2));
        await().atMost(Duration.ofSeconds(20)).until(() -> members().contains(TEACHER_A2_VK));
        steps.settle();

        clock.moveTo(at(TOMORROW, "14:00").plusSeconds(30).toInstant());
        callTimes.planDue();
        steps.settle();
        clock.moveTo(at(TOMORROW.plusDays(1), "08:00").toInstant());
        callTimes.planDue();
        steps.settle();

        assertThat(members())
                .as("after the lesson's end and grace, a teacher of the journal stays")
                .contains(TEACHER_A2_VK, SyncWorld.TEACHER_A1_VK);
        assertThat(steps.count("sync.operation where kind = 'REMOVE_MEMBER' and payload ->> 'vkUser' = '%d'"
                        .formatted(TEACHER_A2_VK)))
                .as("only the removal after yesterday's substitution")
                .isOne();
    }

    private static ZonedDateTime at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), MOSCOW);
    }

    /** The table row of the lesson in a page's HTML. */
    private static String row(String html, UUID lesson) {
        var start = html.indexOf("id=\"lesson-" + lesson + "\"");
        assertThat(start).as("the lesson's row").isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /** The people in the maths chat (the community, a member too, left out). */
    private static List<Long> members() {
        if (WORLD.vk.chats().isEmpty()) {
            return List.of();
        }
        return WORLD.vk.chats().get(0).activeMembers().stream()
                .map(EmulatorSnapshot.Member::memberId)
                .filter(member -> member > 0)
                .toList();
    }
}
