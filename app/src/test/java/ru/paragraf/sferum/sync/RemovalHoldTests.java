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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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

/**
 * The hold on big removals (issue 15), each rule pinned by a test named after it, against the real emulator. The
 * threshold is a quarter of the school's chat members: with the teacher and three pupils in the chat, one removal
 * goes through and two are held.
 */
@SpringBootTest(
        properties = {
            "sferum.sync.pump-interval=100ms",
            "sferum.sync.backoff=200ms",
            "sferum.sync.hold.share=0.25",
            "sferum.sync.hold.max-people=200"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemovalHoldTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final UUID MATHS_LESSON = id(72);
    static final UUID PUPIL_A2 = id(151), PUPIL_A3 = id(152), PUPIL_A4 = id(153);
    static final long PUPIL_A_VK = 700_500_001L, PUPIL_A2_VK = 700_500_002L, PUPIL_A3_VK = 700_500_003L;
    static final long PUPIL_A4_VK = 700_500_004L;

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

    SyncSteps steps;
    LinkedVkAccounts links;
    UUID task;
    long chat;

    @BeforeAll
    void schoolAWithItsMathsChatOfATeacherAndThreePupils() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        links = new LinkedVkAccounts(context);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        pupil(PUPIL_A2, "Второв", "Глеб", CLASS_A_7A);
        pupil(PUPIL_A3, "Третьякова", "Дина", CLASS_A_7A);
        pupil(PUPIL_A4, "Четвертаков", "Иван", null);
        task = steps.connectSchoolA();
        link(PUPIL_A, PUPIL_A_VK, "Алиса", "Ученикова");
        link(PUPIL_A2, PUPIL_A2_VK, "Глеб", "Второв");
        link(PUPIL_A3, PUPIL_A3_VK, "Дина", "Третьякова");
        link(PUPIL_A4, PUPIL_A4_VK, "Иван", "Четвертаков");
        steps.api(
                "adminA",
                put("/api/lessons/" + MATHS_LESSON),
                "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(LocalDate.now(clock).plusDays(1)));
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> steps.count("sync.chat where journal_id = '%s' and invite_link is not null"
                                .formatted(JOURNAL_A_MATHS))
                        == 1);
        chat = chatOf(JOURNAL_A_MATHS);
        await().atMost(Duration.ofSeconds(30)).until(() -> members()
                .containsAll(List.of(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK, PUPIL_A2_VK, PUPIL_A3_VK)));
        steps.settle();
    }

    @Test
    @Order(1)
    void aRosterChangeRemovingMoreThanTheThresholdIsHeldAndAdditionsGoOn() throws Exception {
        var people = strings("select role || ' ' || vk_user_id from sync.chat_member where state = 'ACTIVE'");
        classOf(List.of(PUPIL_A2, PUPIL_A3), null);
        classOf(List.of(PUPIL_A4), CLASS_A_7A);
        steps.runNow("adminA", task);

        assertThat(members())
                .as("nobody removed; the new pupil added")
                .containsExactlyInAnyOrder(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK, PUPIL_A2_VK, PUPIL_A3_VK, PUPIL_A4_VK);
        assertThat(steps.count("sync.operation where kind = 'REMOVE_MEMBER'")).isZero();
        // the school's members when the hold was made: with or without the new pupil, who joins meanwhile
        var members = jdbc.sql("select members from sync.removal_hold")
                .query(Integer.class)
                .single();
        assertThat(members).isBetween(people.size(), people.size() + 1);
        assertThat(strings("select state || ' ' || removals from sync.removal_hold"))
                .as("held: two removals of the people in the school's chats: %s", people)
                .containsExactly("HELD 2");
        assertThat(strings("select action || ' ' || details::text from audit.entry where action like 'REMOVALS%'"))
                .containsExactly("REMOVALS_HELD {\"members\": \"" + members + "\", \"removals\": \"2\"}");

        steps.runNow("adminA", task);
        assertThat(steps.count("sync.operation where kind = 'REMOVE_MEMBER'"))
                .as("no removal of the school is planned while it is held")
                .isZero();
        assertThat(steps.count("sync.removal_hold"))
                .as("one hold, not one per run")
                .isOne();

        var page = steps.html("adminA", "/orgs/" + SCHOOL_A + "/removal-hold");
        assertThat(page)
                .contains(
                        "на удержании",
                        "Второв Глеб",
                        "Третьякова Дина",
                        "больше не учится в школе: нет ни в одном классе")
                .contains("Выполнить удаления", "Отменить удаления")
                .doesNotContain("Ученикова Алиса");
        var heldAt = jdbc.sql("select created_at from sync.removal_hold")
                .query(OffsetDateTime.class)
                .single();
        assertThat(page)
                .as("since when, in Moscow time as the other pages show times")
                .contains("На удержании с "
                        + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                                .format(heldAt.atZoneSameInstant(clock.getZone())));
        assertThat(EverydaySteps.json(steps.api("district1", get("/api/orgs/" + SCHOOL_A + "/removal-hold"), null))
                        .get("removals")
                        .size())
                .isEqualTo(2);
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/sync-preview")).contains("Удержанные удаления");
    }

    @Test
    @Order(2)
    void releasingAHoldRemovesThePreviewedPeople() throws Exception {
        var hold = heldHold();
        steps.api(
                "adminA",
                post("/api/orgs/" + SCHOOL_A + "/removal-hold/release"),
                "{\"holdId\": \"%s\", \"removals\": 2}".formatted(hold));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !members().contains(PUPIL_A2_VK) && !members().contains(PUPIL_A3_VK));
        steps.settle();

        assertThat(members()).containsExactlyInAnyOrder(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK, PUPIL_A4_VK);
        assertThat(steps.count("sync.removal_hold where state = 'RELEASED' and decided_by like '%adminA%'"))
                .isOne();
        assertThat(steps.count("sync.removal_hold where state = 'HELD'")).isZero();
        assertThat(steps.count("audit.entry where action = 'REMOVALS_RELEASED'"))
                .isOne();
        steps.runNow("adminA", task);
        assertThat(steps.count("sync.removal_hold where state = 'HELD'"))
                .as("the released batch is not held again")
                .isZero();
        var conflict = mvc.perform(post("/api/orgs/" + SCHOOL_A + "/removal-hold/release")
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"holdId\": \"%s\", \"removals\": 2}".formatted(hold)))
                .andReturn()
                .getResponse();
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getContentAsString()).contains("уже выполнено или отменено");
    }

    @Test
    @Order(3)
    void discardingAHoldLeavesEveryoneInPlace() throws Exception {
        classOf(List.of(PUPIL_A2, PUPIL_A3), CLASS_A_7A);
        steps.runNow("adminA", task);
        assertThat(members()).contains(PUPIL_A2_VK, PUPIL_A3_VK);
        var removalsBefore = steps.count("sync.operation where kind = 'REMOVE_MEMBER'");

        classOf(List.of(PUPIL_A2, PUPIL_A3), null);
        steps.runNow("adminA", task);
        var hold = heldHold();
        steps.api(
                "adminA",
                post("/api/orgs/" + SCHOOL_A + "/removal-hold/discard"),
                "{\"holdId\": \"%s\", \"removals\": 2}".formatted(hold));
        steps.runNow("adminA", task);

        assertThat(members())
                .containsExactlyInAnyOrder(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK, PUPIL_A2_VK, PUPIL_A3_VK, PUPIL_A4_VK);
        assertThat(steps.count("sync.operation where kind = 'REMOVE_MEMBER'")).isEqualTo(removalsBefore);
        assertThat(steps.count("sync.removal_hold where state = 'HELD'"))
                .as("not held again")
                .isZero();
        assertThat(steps.count("sync.removal_hold_item")).isEqualTo(2);
        assertThat(steps.count("audit.entry where action = 'REMOVALS_DISCARDED'"))
                .isOne();
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/removal-hold")).contains("отменены");

        // the roster changes again for one of them: back in the class, then gone again, is a new removal
        classOf(List.of(PUPIL_A2), CLASS_A_7A);
        steps.runNow("adminA", task);
        assertThat(steps.count("sync.removal_hold_item")).isOne();
        classOf(List.of(PUPIL_A2), null);
        steps.runNow("adminA", task);
        assertThat(members()).doesNotContain(PUPIL_A2_VK).contains(PUPIL_A3_VK);
    }

    private List<String> strings(String query) {
        return jdbc.sql(query).query(String.class).list();
    }

    private UUID heldHold() {
        return jdbc.sql("select id from sync.removal_hold where state = 'HELD'")
                .query(UUID.class)
                .single();
    }

    private void classOf(List<UUID> pupils, UUID classUnit) {
        jdbc.sql("update school.pupil set class_unit_id = :class where id in (:pupils)")
                .param("class", classUnit)
                .param("pupils", pupils)
                .update();
    }

    private void pupil(UUID pupil, String last, String first, UUID classUnit) {
        jdbc.sql(
                        """
                        insert into school.pupil (id, organization_id, class_unit_id, last_name, first_name)
                        values (:pupil, :school, :class, :last, :first) on conflict do nothing""")
                .param("pupil", pupil)
                .param("school", SCHOOL_A)
                .param("class", classUnit)
                .param("last", last)
                .param("first", first)
                .update();
    }

    private void link(UUID person, long vkUser, String firstName, String lastName) {
        WORLD.vk.addUser(Seed.User.of(vkUser, firstName, lastName, vkUser + "@vk.test", "pw"));
        links.link(PersonKind.PUPIL, person, SCHOOL_A, vkUser, WORLD.vk.issueUserToken(vkUser));
    }

    private long chatOf(UUID journal) {
        var chatId = jdbc.sql("select chat_id from sync.chat where journal_id = :journal")
                .param("journal", journal)
                .query(Long.class)
                .single();
        return WORLD.vk.chats().stream()
                .filter(found -> found.localIds().get(-SyncWorld.COMMUNITY_A) == chatId.longValue())
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The people in the chat (the community, a member too, left out). */
    private List<Long> members() {
        var found = WORLD.vk.snapshot().chat(chat);
        return found == null
                ? List.of()
                : found.activeMembers().stream()
                        .map(EmulatorSnapshot.Member::memberId)
                        .filter(member -> member > 0)
                        .toList();
    }
}
