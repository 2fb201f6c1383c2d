package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domain rules of DESIGN §4 that the synchronization engine keeps, each pinned by a test named after it, against
 * the real emulator: when a subject chat may be created, that a chat is never created twice nor deleted, and what
 * switching the selector off does.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncRulesTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final UUID FIRST_LESSON = id(71), SECOND_LESSON = id(72), SCHOOL_B_LESSON = id(75);

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

    SyncSteps steps;
    String task;
    String cron;

    @BeforeAll
    void connectSchoolAWithTheTaskSwitchedOff() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        var credentials = steps.api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/sferum-community"),
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(SyncWorld.COMMUNITY_A, SyncWorld.TOKEN_A));
        assertThat(credentials).contains("VERIFIED");
        var created = JsonMapper.builder()
                .build()
                .readTree(steps.api(
                        "adminA",
                        post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"),
                        "{\"type\":\"SFERUM_SYNC\",\"enabled\":false}"));
        task = created.get("id").asText();
        cron = created.get("cron").asText();
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                SyncWorld.TEACHER_A1_VK,
                SyncWorld.TEACHER_A1_LOGIN,
                SyncWorld.TEACHER_A1_PASSWORD);
        var tomorrow = LocalDate.now(clock).plusDays(1);
        for (var lesson : new UUID[] {FIRST_LESSON, SECOND_LESSON}) {
            steps.api(
                    "adminA",
                    put("/api/lessons/" + lesson),
                    "{\"date\":\"%s\",\"startsAt\":\"%s\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                            .formatted(tomorrow, lesson.equals(FIRST_LESSON) ? "09:00" : "11:00"));
        }
        steps.api("adminA", post("/api/lessons/" + SECOND_LESSON + "/publish"), null);
    }

    @Test
    @Order(1)
    void aSubjectChatIsNotCreatedWhileTheTaskIsSwitchedOff() throws Exception {
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + FIRST_LESSON + "/video-call"), "{\"on\": true}");
        steps.settle();

        assertThat(WORLD.vk.chats()).isEmpty();
        assertThat(WORLD.vk.calls()).isEmpty();
        var stats = WORLD.vk.stats();
        assertThat(stats.callsOf("messages.createChat") + stats.callsOf("calls.start") + stats.callsOf("messages.send"))
                .as("nothing asked of VK but the credentials check")
                .isZero();
    }

    @Test
    @Order(2)
    void aSubjectChatIsNotCreatedWithoutVerifiedCredentials() throws Exception {
        steps.api("adminB", post("/api/orgs/" + SCHOOL_B + "/exchange-tasks"), "{\"type\":\"SFERUM_SYNC\"}");
        steps.api("adminB", put("/api/journals/" + JOURNAL_B_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("adminB", put("/api/lessons/" + SCHOOL_B_LESSON + "/video-call"), "{\"on\": true}");
        steps.settle();

        assertThat(steps.count("sync.operation where organization_id = '" + SCHOOL_B + "'"))
                .isZero();
        assertThat(WORLD.vk.chats()).isEmpty();
    }

    @Test
    @Order(3)
    void aSubjectChatIsCreatedOnceTheLastConditionHolds() throws Exception {
        steps.api(
                "adminA", put("/api/exchange-tasks/" + task), "{\"cron\": \"%s\", \"enabled\": true}".formatted(cron));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> WORLD.vk.chats().size() == 1
                        && WORLD.vk.chats().get(0).textMessages().size() == 1);
        steps.settle();
        assertThat(WORLD.vk.chats()).singleElement().satisfies(chat -> {
            assertThat(chat.title()).isEqualTo("Математика 7А");
            assertThat(chat.activeMembers()).extracting(m -> m.memberId()).contains(SyncWorld.TEACHER_A1_VK);
        });
        assertThat(WORLD.vk.calls()).singleElement();
    }

    @Test
    @Order(4)
    void switchingTheSelectorOffStopsSyncingTheChatAndNeverDeletesIt() throws Exception {
        var chat = WORLD.vk.chats().get(0);
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": false}");
        steps.api("teacherA1", put("/api/lessons/" + SECOND_LESSON + "/video-call"), "{\"on\": true}");

        await().atMost(Duration.ofSeconds(20)).until(() -> WORLD.vk.calls().size() == 2);
        steps.settle();
        var stats = WORLD.vk.stats();
        assertThat(stats.callsOf("messages.removeChatUser")).isZero();
        assertThat(stats.callsOf("messages.editChat")).isZero();
        assertThat(WORLD.vk.chats()).singleElement().satisfies(same -> {
            assertThat(same.id()).isEqualTo(chat.id());
            assertThat(same.activeMembers()).hasSameSizeAs(chat.activeMembers());
            assertThat(same.textMessages())
                    .as("the second lesson is not announced in a chat no longer synced")
                    .hasSize(1);
        });
        assertThat(steps.count("sync.chat where state = 'ACTIVE'")).isOne();
    }

    @Test
    @Order(5)
    void oneExternalObjectPerKeyForeverEvenWhenTheSelectorIsSwitchedOnAgain() throws Exception {
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> WORLD.vk.chats().get(0).textMessages().size() == 2);
        steps.settle();
        assertThat(WORLD.vk.chats()).hasSize(1);
        assertThat(WORLD.vk.calls()).hasSize(2);
        assertThat(WORLD.vk.stats().callsOf("messages.createChat")).isOne();
        assertThat(WORLD.vk.stats().callsOf("calls.start")).isEqualTo(2);
    }
}
