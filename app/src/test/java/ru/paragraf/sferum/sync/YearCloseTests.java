package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;
import tools.jackson.databind.JsonNode;

/**
 * «Закрыть учебный год» (issue 17, acceptance 4) against the VK emulator: school A's maths chat of 7А, with its
 * teacher, a pupil and her parent in it and a call running, is archived as the preview said — renamed with the year,
 * the closing message pinned, the call finished, the pupil and the parent taken out (the school's choice), the teacher
 * kept; a repeated close changes nothing; the diary lists the chat under «Архив»; the new year's journal of 8А gets a
 * new chat on its first video lesson; and the scheduled run closes a year that has ended. Each rule is a test named
 * after it.
 */
@SpringBootTest(
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms", "sferum.sync.hold.share=1"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearCloseTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final long PUPIL_A_VK = 700_600_001L, PARENT_A_VK = 700_600_002L;
    static final UUID MATHS_LESSON = SchoolFixture.id(72);
    static final UUID NEXT_YEAR = UUID.fromString("00000000-0000-0000-0000-0000000a2028");
    static final UUID CLASS_8A = UUID.fromString("00000000-0000-0000-0000-0000000c1a58");
    static final UUID JOURNAL_8A_MATHS = UUID.fromString("00000000-0000-0000-0000-0000000f8a01");
    static final UUID LESSON_8A = UUID.fromString("00000000-0000-0000-0000-0000000e8a01");

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

    @Autowired
    ApplicationContext context;

    @Autowired
    CallTimes callTimes;

    SyncSteps steps;
    UUID task;
    String chatLinkBeforeClose;
    String year;
    JsonNode preview;

    @BeforeAll
    void connectSchoolAWithAMathsChatOfItsTeacherAPupilAndHerParentAndALiveCall() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        year = jdbc.sql("select title from school.academic_year where id = :id")
                .param("id", YEAR)
                .query(String.class)
                .single();
        task = steps.connectSchoolA();
        steps.api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/chat-policy"),
                "{\"parentsInChats\":true,\"removeStrangers\":true,\"emptyArchivedChats\":true}");
        WORLD.vk.addUser(Seed.User.of(PUPIL_A_VK, "Алиса", "Ученикова", "alisa-year@vk.test", "pw"));
        WORLD.vk.addUser(Seed.User.of(PARENT_A_VK, "Елена", "Ученикова", "elena-year@vk.test", "pw"));
        var linked = new LinkedVkAccounts(context);
        linked.link(PersonKind.PUPIL, PUPIL_A, SCHOOL_A, PUPIL_A_VK, WORLD.vk.issueUserToken(PUPIL_A_VK));
        linked.link(PersonKind.PARENT, PARENT_A, SCHOOL_A, PARENT_A_VK, WORLD.vk.issueUserToken(PARENT_A_VK));
        publishVideoLesson(JOURNAL_A_MATHS, MATHS_LESSON, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> mathsChat()
                .map(chat -> active(chat).containsAll(List.of(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK, PARENT_A_VK)))
                .orElse(false));
        steps.settle();
        chatLinkBeforeClose = jdbc.sql("select invite_link from sync.chat where journal_id = :journal")
                .param("journal", JOURNAL_A_MATHS)
                .query(String.class)
                .single();
    }

    @Test
    @Order(0)
    void theDistrictsPreviewSumsItsSchools() throws Exception {
        var district = EverydaySteps.json(
                steps.api("city", get("/api/districts/" + DISTRICT_1 + "/year-close?year=" + YEAR), null));

        assertThat(district.get("year").asString()).isEqualTo(year);
        assertThat(district.get("schools").size())
                .as("schools A and B of district 1")
                .isEqualTo(2);
        assertThat(district.get("schoolsToClose").asInt()).isEqualTo(2);
        assertThat(district.get("chats").asInt())
                .as("school A's maths chat; B has none")
                .isEqualTo(1);
        assertThat(district.get("callsToFinish").asInt()).isEqualTo(1);
        assertThat(district.get("membersToRemove").asInt()).isEqualTo(2);
    }

    @Test
    @Order(1)
    void thePreviewEqualsWhatHappens() throws Exception {
        preview = EverydaySteps.json(steps.api("adminA", get("/api/orgs/" + SCHOOL_A + "/year-close"), null));
        assertThat(preview.get("yearId").asString())
                .as("the year with live chats")
                .isEqualTo(YEAR.toString());
        assertThat(preview.get("closed").asBoolean()).isFalse();
        var chats = preview.get("chats");
        assertThat(chats.size()).isEqualTo(1);
        assertThat(chats.get(0).get("title").asString()).isEqualTo("Математика 7А");
        assertThat(chats.get(0).get("newTitle").asString()).isEqualTo("Математика 7А · " + year);
        assertThat(preview.get("callsToFinish").asInt()).isEqualTo(1);
        assertThat(preview.get("membersToRemove").asInt()).isEqualTo(2);
        var liveCalls = WORLD.vk.calls().stream()
                .filter(call -> call.state().equals("active"))
                .count();

        var closed = EverydaySteps.json(
                steps.api("adminA", post("/api/orgs/" + SCHOOL_A + "/year-close"), "{\"year\":\"" + YEAR + "\"}"));
        assertThat(closed.get("closed").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> mathsChat()
                .map(chat -> chat.title().equals(chats.get(0).get("newTitle").asString())
                        && chat.pinnedMessage().isPresent()
                        && active(chat).equals(List.of(-SyncWorld.COMMUNITY_A, SyncWorld.TEACHER_A1_VK)))
                .orElse(false));
        steps.settle();

        var chat = mathsChat().orElseThrow();
        assertThat(chat.title()).isEqualTo(chats.get(0).get("newTitle").asString());
        var finished = liveCalls
                - WORLD.vk.calls().stream()
                        .filter(call -> call.state().equals("active"))
                        .count();
        assertThat(finished)
                .as("calls finished")
                .isEqualTo(preview.get("callsToFinish").asLong());
        var kicked = chat.members().stream()
                .filter(member -> member.state().equals("kicked"))
                .count();
        assertThat(kicked)
                .as("pupils and parents taken out")
                .isEqualTo(preview.get("membersToRemove").asLong());
        assertThat(WORLD.vk.chats().stream().filter(it -> it.title().endsWith(" · " + year)))
                .as("chats archived")
                .hasSize(chats.size());
    }

    @Test
    @Order(2)
    void closingAYearArchivesEachChatOnceRenamedWithTheYear() {
        var chat = mathsChat().orElseThrow();
        assertThat(chat.messages().stream().filter(m -> "chat_title_update".equals(m.action())))
                .hasSize(1);
        assertThat(chat.messages().stream().filter(m -> "chat_pin_message".equals(m.action())))
                .hasSize(1);
        assertThat(chat.pinnedMessage()).hasValueSatisfying(message -> assertThat(message.text())
                .contains("Учебный год " + year + " закрыт")
                .contains("«Математика 7А · " + year + "»"));
        assertThat(steps.count("sync.chat where state = 'ARCHIVED' and title = 'Математика 7А · " + year + "'"))
                .isEqualTo(1);
        assertThat(steps.count("sync.operation where kind = 'ARCHIVE_CHAT' and status = 'DONE'"))
                .isEqualTo(1);
        assertThat(steps.count("sync.call where state = 'ACTIVE'")).isZero();
        assertThat(steps.count("audit.entry where action = 'ACADEMIC_YEAR_CLOSED' and organization_id = '" + SCHOOL_A
                        + "' and actor_name like 'Админова%'"))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void emptyingAnArchivedChatRemovesPupilsAndParentsButNotTeachers() {
        var chat = mathsChat().orElseThrow();
        assertThat(active(chat)).containsExactly(-SyncWorld.COMMUNITY_A, SyncWorld.TEACHER_A1_VK);
        assertThat(chat.members())
                .filteredOn(member -> member.memberId() == PUPIL_A_VK || member.memberId() == PARENT_A_VK)
                .extracting(EmulatorSnapshot.Member::state)
                .containsExactly("kicked", "kicked");
        assertThat(steps.count("sync.chat_member where role = 'TEACHER' and state = 'ACTIVE'"))
                .isEqualTo(1);
        assertThat(steps.count("sync.chat_member where role in ('PUPIL', 'PARENT') and state = 'REMOVED'"))
                .isEqualTo(2);
        // the link they came by is replaced: it lets nobody back
        var link = jdbc.sql("select invite_link from sync.chat where journal_id = :journal")
                .param("journal", JOURNAL_A_MATHS)
                .query(String.class)
                .single();
        assertThat(link).isNotEqualTo(chatLinkBeforeClose);
        assertThat(WORLD.vk.joinByLink(PUPIL_A_VK, chatLinkBeforeClose).done()).isFalse();
    }

    @Test
    @Order(4)
    void aRepeatedCloseChangesNothing() throws Exception {
        var before = mathsChat().orElseThrow();
        var closeOperations = "sync.operation where kind in ('ARCHIVE_CHAT', 'FINISH_CALL', 'REMOVE_MEMBER')";
        var operations = steps.count(closeOperations);

        var again = mvc.perform(post("/api/orgs/" + SCHOOL_A + "/year-close")
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":\"" + YEAR + "\"}"))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentType()).contains("application/problem+json");
        assertThat(again.getContentAsString()).contains("уже закрыт");
        steps.runNow("adminA", task);

        var after = mathsChat().orElseThrow();
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(after.messages()).hasSameSizeAs(before.messages());
        assertThat(after.members()).isEqualTo(before.members());
        assertThat(steps.count("sync.operation where kind = 'ARCHIVE_CHAT'")).isEqualTo(1);
        assertThat(steps.count(closeOperations))
                .as("the run planned none of the close's operations again")
                .isEqualTo(operations);
        assertThat(steps.count("audit.entry where action = 'ACADEMIC_YEAR_CLOSED'"))
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void theDiaryListsTheArchivedChatUnderArchive() throws Exception {
        var teacher = steps.html("teacherA1", "/diary/chats");
        assertThat(teacher)
                .contains("id=\"archived-chats\"", "Архив", "Математика 7А · " + year, "вы остаётесь в чате");
        var pupil = steps.html("pupilA", "/diary/chats");
        assertThat(pupil).contains("id=\"archived-chats\"", "Математика 7А · " + year, "вы выведены из чата");
        assertThat(pupil).as("no invite link of the archived chat").doesNotContain("diary-chat-join");
    }

    @Test
    @Order(6)
    void theNewYearsFirstVideoLessonMakesANewChat() throws Exception {
        var start = jdbc.sql("select ends_on + 1 from school.academic_year where id = :id")
                .param("id", YEAR)
                .query(LocalDate.class)
                .single();
        jdbc.sql("insert into school.academic_year (id, title, starts_on, ends_on) values (?, ?, ?, ?)")
                .params(
                        NEXT_YEAR,
                        start.getYear() + "/" + (start.getYear() + 1),
                        start,
                        start.plusYears(1).minusDays(1))
                .update();
        // the class moved up: 8А is a new class of the new year, its maths a new journal
        jdbc.sql(
                        "insert into school.class_unit (id, organization_id, academic_year_id, grade, letter) values (?, ?, ?, 8, 'А')")
                .params(CLASS_8A, SCHOOL_A, NEXT_YEAR)
                .update();
        jdbc.sql("update school.pupil set class_unit_id = ? where id = ?")
                .params(CLASS_8A, PUPIL_A)
                .update();
        jdbc.sql(
                        """
                        insert into school.journal (id, organization_id, academic_year_id, kind, subject_id, class_unit_id)
                        values (?, ?, ?, 'GENERAL_EDUCATION', ?, ?)""")
                .params(JOURNAL_8A_MATHS, SCHOOL_A, NEXT_YEAR, MATHS, CLASS_8A)
                .update();
        jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (?, ?)")
                .params(JOURNAL_8A_MATHS, TEACHER_A1)
                .update();
        jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at, duration_minutes,
                                                   topic, publication)
                        values (?, ?, ?, ?, time '11:00', 45, 'Повторение', 'DRAFT')""")
                .params(
                        LESSON_8A,
                        JOURNAL_8A_MATHS,
                        SCHOOL_A,
                        LocalDate.now(clock).plusDays(1))
                .update();
        var archived = mathsChat().orElseThrow();

        publishVideoLesson(JOURNAL_8A_MATHS, LESSON_8A, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.chats().stream()
                .anyMatch(chat -> chat.title().equals("Математика 8А")
                        && active(chat).containsAll(List.of(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK))));
        steps.settle();

        assertThat(WORLD.vk.chats()).hasSize(2);
        var fresh = WORLD.vk.chats().stream()
                .filter(chat -> chat.title().equals("Математика 8А"))
                .findFirst()
                .orElseThrow();
        assertThat(fresh.id()).isNotEqualTo(archived.id());
        assertThat(mathsChat().orElseThrow().title())
                .as("the archived chat is not renamed back")
                .isEqualTo(archived.title());
        assertThat(steps.count("sync.chat where journal_id = '" + JOURNAL_8A_MATHS + "' and academic_year_id = '"
                        + NEXT_YEAR + "' and state = 'ACTIVE'"))
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void aClosedYearGetsNoNewChatAndStartsNoCall() throws Exception {
        var chats = WORLD.vk.chats().size();
        var calls = WORLD.vk.calls().size();
        var lesson = SchoolFixture.id(71);

        steps.api("adminA", put("/api/lessons/" + lesson), lessonTomorrow("09:00"));
        steps.api("teacherA1", put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
        steps.runNow("adminA", task);

        assertThat(WORLD.vk.chats()).hasSize(chats);
        assertThat(WORLD.vk.calls()).hasSize(calls);
        assertThat(steps.count("sync.call where lesson_id = '" + lesson + "'")).isZero();
    }

    @Test
    @Order(8)
    void theScheduledRunClosesAYearThatHasEnded() throws Exception {
        var ended = UUID.fromString("00000000-0000-0000-0000-0000000a2021");
        var classUnit = UUID.fromString("00000000-0000-0000-0000-0000000c1a26");
        var journal = UUID.fromString("00000000-0000-0000-0000-0000000f6b01");
        var lesson = UUID.fromString("00000000-0000-0000-0000-0000000e6b01");
        jdbc.sql("insert into school.academic_year (id, title, starts_on, ends_on) values (?, '2020/2021', ?, ?)")
                .params(ended, LocalDate.of(2020, 9, 1), LocalDate.of(2021, 8, 31))
                .update();
        jdbc.sql(
                        "insert into school.class_unit (id, organization_id, academic_year_id, grade, letter) values (?, ?, ?, 6, 'Б')")
                .params(classUnit, SCHOOL_A, ended)
                .update();
        jdbc.sql(
                        """
                        insert into school.journal (id, organization_id, academic_year_id, kind, subject_id, class_unit_id)
                        values (?, ?, ?, 'GENERAL_EDUCATION', ?, ?)""")
                .params(journal, SCHOOL_A, ended, MATHS, classUnit)
                .update();
        jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (?, ?)")
                .params(journal, TEACHER_A1)
                .update();
        jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at, duration_minutes,
                                                   topic, publication)
                        values (?, ?, ?, ?, time '12:00', 45, 'Итоги', 'DRAFT')""")
                .params(lesson, journal, SCHOOL_A, LocalDate.of(2021, 5, 20))
                .update();
        // a year that ended but was never closed: its chat made by the events, as before the close existed (a past
        // lesson makes no call)
        publishVideoLesson(journal, lesson, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.chats().stream()
                .anyMatch(chat -> chat.title().equals("Математика 6Б")));
        steps.settle();

        steps.runNow("adminA", task);
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.chats().stream()
                .anyMatch(chat -> chat.title().equals("Математика 6Б · 2020/2021")
                        && chat.pinnedMessage().isPresent()));
        steps.settle();

        assertThat(steps.count("sync.year_close where academic_year_id = '" + ended + "' and closed_by is null"))
                .isEqualTo(1);
        assertThat(steps.count("audit.entry where action = 'ACADEMIC_YEAR_CLOSED' and actor_name = 'system'"))
                .isEqualTo(1);
        assertThat(steps.count("sync.call where journal_id = '" + journal + "' and state = 'ACTIVE'"))
                .isZero();
        assertThat(steps.count("sync.year_close where academic_year_id = '" + NEXT_YEAR + "'"))
                .as("the year that has not ended stays open")
                .isZero();
    }

    @Test
    @Order(9)
    void aCloseCommittedButNeverPlannedIsPlannedByTheCallTimesStep() throws Exception {
        var closedYear = UUID.fromString("00000000-0000-0000-0000-0000000a2035");
        var classUnit = UUID.fromString("00000000-0000-0000-0000-0000000c1a9d");
        var journal = UUID.fromString("00000000-0000-0000-0000-0000000f9d01");
        var lesson = UUID.fromString("00000000-0000-0000-0000-0000000e9d01");
        var today = LocalDate.now(clock);
        jdbc.sql("insert into school.academic_year (id, title, starts_on, ends_on) values (?, '2035/2036', ?, ?)")
                .params(closedYear, today.minusDays(10), today.plusDays(300))
                .update();
        jdbc.sql(
                        "insert into school.class_unit (id, organization_id, academic_year_id, grade, letter) values (?, ?, ?, 9, 'Г')")
                .params(classUnit, SCHOOL_A, closedYear)
                .update();
        jdbc.sql(
                        """
                        insert into school.journal (id, organization_id, academic_year_id, kind, subject_id, class_unit_id)
                        values (?, ?, ?, 'GENERAL_EDUCATION', ?, ?)""")
                .params(journal, SCHOOL_A, closedYear, MATHS, classUnit)
                .update();
        jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (?, ?)")
                .params(journal, TEACHER_A1)
                .update();
        jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at, duration_minutes,
                                                   topic, publication)
                        values (?, ?, ?, ?, time '12:00', 45, 'Итоги', 'DRAFT')""")
                .params(lesson, journal, SCHOOL_A, today.plusDays(1))
                .update();
        publishVideoLesson(journal, lesson, false);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> steps.count("sync.call where lesson_id = '" + lesson + "' and state = 'ACTIVE'") == 1
                        && WORLD.vk.chats().stream()
                                .anyMatch(chat -> chat.title().equals("Математика 9Г")));
        steps.settle();
        // the close committed by a node that died before planning it: the admin's second press answers 409
        jdbc.sql(
                        """
                        insert into sync.year_close (organization_id, academic_year_id, closed_at, closed_by, empty_chats)
                        values (?, ?, now(), 'Админова А. (adminA)', false)""")
                .params(SCHOOL_A, closedYear)
                .update();

        callTimes.planDue();
        assertThat(steps.count("sync.operation where kind = 'FINISH_CALL' and object_key = 'call:" + lesson + "'"))
                .isEqualTo(1);
        assertThat(steps.count(
                        "sync.operation where kind = 'ARCHIVE_CHAT' and payload ->> 'journal' = '" + journal + "'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.chats().stream()
                .anyMatch(chat -> chat.title().equals("Математика 9Г · 2035/2036")
                        && chat.pinnedMessage().isPresent()));
        steps.settle();

        assertThat(steps.count("sync.call where lesson_id = '" + lesson + "' and state = 'ACTIVE'"))
                .isZero();
        assertThat(steps.count("sync.chat where journal_id = '" + journal + "' and state = 'ARCHIVED'"))
                .isEqualTo(1);
        callTimes.planDue();
        assertThat(steps.count(
                        "sync.operation where kind = 'ARCHIVE_CHAT' and payload ->> 'journal' = '" + journal + "'"))
                .as("nothing more once archived")
                .isEqualTo(1);
    }

    private void publishVideoLesson(UUID journal, UUID lesson, boolean tomorrow) throws Exception {
        if (tomorrow) {
            steps.api("adminA", put("/api/lessons/" + lesson), lessonTomorrow("10:00"));
        }
        steps.api("teacherA1", put("/api/journals/" + journal + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + lesson + "/publish"), null);
    }

    private String lessonTomorrow(String time) {
        return "{\"date\":\"%s\",\"startsAt\":\"%s\",\"durationMinutes\":45,\"topic\":\"Урок\"}"
                .formatted(LocalDate.now(clock).plusDays(1), time);
    }

    /** School A's maths chat of 7А in the emulator, by its id in the ledger. */
    private java.util.Optional<EmulatorSnapshot.Chat> mathsChat() {
        var chatId = jdbc.sql("select chat_id from sync.chat where journal_id = :journal and chat_id is not null")
                .param("journal", JOURNAL_A_MATHS)
                .query(Long.class)
                .optional();
        return chatId.flatMap(id -> WORLD.vk.chats().stream()
                .filter(chat -> id.equals(chat.localIds().get(-SyncWorld.COMMUNITY_A)))
                .findFirst());
    }

    private static List<Long> active(EmulatorSnapshot.Chat chat) {
        return chat.activeMembers().stream()
                .map(EmulatorSnapshot.Member::memberId)
                .toList();
    }
}
