package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * The diary's side of the everyday flow against the real emulator: school A is connected and its maths teacher
 * has linked a VK ID; then, as the teacher asks for the subject chat and publishes video lessons, pupils, parents
 * and teachers find «Вступить в чат» and «Присоединиться к звонку» in the diary, with the call's state, and never a
 * link that no longer works.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiaryLinksTests {

    static final EverydayWorld WORLD = EverydayWorld.start();
    static final UUID FIRST_MATHS_LESSON = id(71), MATHS_LESSON = id(72), RUSSIAN_LESSON = id(73);
    static final UUID PARENT_B = id(54);

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
    String week;

    @BeforeAll
    void connectSchoolA() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        jdbc.sql("insert into school.parent (id, organization_id, last_name, first_name) values (?, ?, ?, ?)")
                .params(PARENT_B, SCHOOL_B, "Бэшкина", "Галина")
                .update();
        jdbc.sql("insert into school.pupil_parent (pupil_id, parent_id) values (?, ?)")
                .params(PUPIL_B, PARENT_B)
                .update();
        accounts.registerAll(
                List.of(
                        NewAccount.pupil("pupilB", "Бэшкин Б.", SCHOOL_B, PUPIL_B),
                        NewAccount.parent("parentB", "Бэшкина Г.", SCHOOL_B, PARENT_B)),
                PASSWORD);
        steps = new EverydaySteps(mvc, jdbc, WORLD);
        steps.connectSchoolA();
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                EverydayWorld.TEACHER_A1_LOGIN,
                EverydayWorld.TEACHER_A1_PASSWORD,
                EverydayWorld.TEACHER_A1_VK);
        var tomorrow = LocalDate.now(clock).plusDays(1);
        steps.moveLesson(MATHS_LESSON, tomorrow, "10:00");
        steps.moveLesson(RUSSIAN_LESSON, tomorrow, "12:00");
        steps.moveLesson(FIRST_MATHS_LESSON, tomorrow, "08:00");
        week = "/diary?week=" + tomorrow;
    }

    @AfterEach
    void clearFaults() {
        WORLD.vk.clearFaults();
    }

    @Test
    @Order(1)
    void aRequestedChatIsListedWithoutAnInviteLinkUntilItIsCreated() {
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.settle();

        var pupil = steps.html("pupilA", "/diary/chats");
        assertThat(pupil)
                .contains("Математика 7А", "запрошен, будет создан при публикации первого урока")
                .contains("vkid-card", "VK ID не привязан")
                .contains("Вступите в чат по ссылке-приглашению")
                .doesNotContain("max-card", "бот школы сам добавит вас")
                .doesNotContain("diary-chat-join", "Русский язык", "Шахматы");
        assertThat(steps.html("teacherA1", "/diary/chats"))
                .contains("vkid-card", "VK ID привязан", "Математика 7А", "запрошен")
                .doesNotContain("diary-chat-join", "Шахматы");
    }

    @Test
    @Order(2)
    void pupilsSeeACallLinkOnlyWhileTheLessonIsAPublishedVideoLesson() {
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.settle();
        assertThat(steps.html("pupilA", week))
                .as("a draft is not in the pupil's diary")
                .doesNotContain("lesson-" + MATHS_LESSON, "diary-call-link");

        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> steps.html("pupilA", week).contains("diary-call-link"));
        var call = WORLD.vk.calls().get(0);
        for (var who : List.of("pupilA", "parentA", "teacherA1")) {
            assertThat(lessonRow(steps.html(who, week), MATHS_LESSON))
                    .as(who)
                    .contains("Видеозвонок", "готов", "Присоединиться к звонку", "href=\"" + call.joinLink() + "\"");
        }
    }

    @Test
    @Order(3)
    void pupilsAndParentsJoinTheSubjectChatWithItsInviteLink() {
        await().atMost(Duration.ofSeconds(20)).until(() -> inviteLink() != null);
        var invite = inviteLink();
        assertThat(invite).startsWith("https://vk.me/join/");
        for (var who : List.of("pupilA", "teacherA1")) {
            assertThat(steps.html(who, "/diary/chats"))
                    .as(who)
                    .contains("Математика 7А", ">создан<", "Вступить в чат", "href=\"" + invite + "\"");
        }
        // a parent belongs in the chat only where the school puts parents into subject chats (DESIGN §4)
        assertThat(steps.html("parentA", "/diary/chats"))
                .contains("Математика 7А", ">создан<", "родители в предметные чаты этой школы не добавляются")
                .doesNotContain(invite);
        jdbc.sql(
                        "insert into school.chat_policy (organization_id, parents_in_chats, updated_at) values (:school, true, now())")
                .param("school", SCHOOL_A)
                .update();
        try {
            assertThat(steps.html("parentA", "/diary/chats"))
                    .contains("Вступить в чат", "href=\"" + invite + "\"", "привяжите VK ID, чтобы вас добавили");
        } finally {
            jdbc.sql("delete from school.chat_policy where organization_id = :school")
                    .param("school", SCHOOL_A)
                    .update();
        }
        assertThat(steps.html("teacherA1", "/diary/chats")).contains("Открыть журнал", "/journals/" + JOURNAL_A_MATHS);
        assertThat(steps.html("pupilA", "/diary/chats")).doesNotContain("Открыть журнал");
    }

    @Test
    @Order(4)
    void aLessonBackToInPersonShowsNoLink() {
        var joinLink = WORLD.vk.calls().get(0).joinLink();
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": false}");

        for (var who : List.of("pupilA", "parentA", "teacherA1")) {
            var row = lessonRow(steps.html(who, week), MATHS_LESSON);
            assertThat(row).as(who).contains("Очно").doesNotContain(joinLink, "diary-call-state", "diary-call-link");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> WORLD.vk.calls().stream()
                .allMatch(call -> call.state().equals("finished")));
    }

    @Test
    @Order(5)
    void aWithdrawnLessonShowsNoLinkAnywhere() {
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> steps.html("pupilA", week).contains("diary-call-link"));
        var live = WORLD.vk.calls().stream()
                .filter(call -> call.state().equals("active"))
                .findFirst()
                .orElseThrow()
                .joinLink();

        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/withdraw"), null);

        assertThat(steps.html("pupilA", week)).doesNotContain("lesson-" + MATHS_LESSON, live);
        assertThat(steps.html("parentA", week)).doesNotContain("lesson-" + MATHS_LESSON, live);
        assertThat(lessonRow(steps.html("teacherA1", week), MATHS_LESSON))
                .as("the teacher still sees the withdrawn lesson, without its link")
                .doesNotContain(live, "diary-call-link");
        steps.settle();
    }

    @Test
    @Order(6)
    void parentsSeeOnlyTheirOwnChildrensChats() {
        assertThat(steps.page("parentA", "/diary/chats?child=" + PUPIL_B).getStatus())
                .isEqualTo(404);
        assertThat(steps.page("parentA", "/diary?child=" + PUPIL_B).getStatus()).isEqualTo(404);
        assertThat(steps.page("parentB", "/diary/chats?child=" + PUPIL_A).getStatus())
                .isEqualTo(404);
        assertThat(steps.page("parentB", "/diary?child=" + PUPIL_A).getStatus()).isEqualTo(404);

        assertThat(steps.html("parentA", "/diary/chats?child=" + PUPIL_A)).contains("Ученикова Алиса", "Математика 7А");
        assertThat(steps.html("parentB", "/diary/chats"))
                .contains("Бэшкин Борис", "Предметных чатов пока нет")
                .doesNotContain("Математика 7А", "Ученикова", inviteLink());
    }

    @Test
    @Order(7)
    void pupilsSeeOnlyTheChatsOfTheirClassAndGroups() {
        assertThat(steps.html("pupilB", "/diary/chats"))
                .contains("Предметных чатов пока нет")
                .doesNotContain("Математика 7А", inviteLink());
    }

    @Test
    @Order(8)
    void aCallThatCannotStartShowsItsErrorAndReason() {
        steps.api("adminA", put("/api/lessons/" + RUSSIAN_LESSON + "/video-call"), "{\"on\": true}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from sync.call where lesson_id = :lesson and state = 'FAILED'")
                                .param("lesson", RUSSIAN_LESSON)
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThat(lessonRow(steps.html("pupilA", week), RUSSIAN_LESSON))
                .contains("ошибка", "Словесникова Мария не привязал VK ID")
                .doesNotContain("diary-call-link");
    }

    @Test
    @Order(9)
    void aCallBeingStartedShowsAsPlannedThenReady() {
        WORLD.vk.faults(FaultPlan.NONE.withMethodLatency("calls.start", new FaultPlan.Fixed(3_000)));
        steps.api("teacherA1", put("/api/lessons/" + FIRST_MATHS_LESSON + "/video-call"), "{\"on\": true}");

        await().atMost(Duration.ofSeconds(10)).until(() -> lessonRow(steps.html("pupilA", week), FIRST_MATHS_LESSON)
                .contains("запланирован"));
        assertThat(lessonRow(steps.html("pupilA", week), FIRST_MATHS_LESSON)).doesNotContain("diary-call-link");
        await().atMost(Duration.ofSeconds(20)).until(() -> lessonRow(steps.html("pupilA", week), FIRST_MATHS_LESSON)
                .contains("diary-call-link"));
        steps.settle();
    }

    private String inviteLink() {
        return jdbc.sql("select invite_link from sync.chat where journal_id = :journal")
                .param("journal", JOURNAL_A_MATHS)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The table row of one lesson in a diary page. */
    private static String lessonRow(String page, UUID lesson) {
        var start = page.indexOf("id=\"lesson-" + lesson + "\"");
        assertThat(start).as("lesson %s is on the page", lesson).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
