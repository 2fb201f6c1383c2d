package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.school.SubjectChatStatuses;
import ru.paragraf.sferum.school.generator.SchoolDataGenerator;

/**
 * A community token revoked in the middle of a school's synchronization: the organization is paused once, with
 * one Russian message for the admin, its operations wait instead of failing, and VK is not called again and again.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncPauseTests {

    static final ConnectedCity CITY = new ConnectedCity();

    /** VK methods the engine calls with the community token. */
    static final List<String> COMMUNITY_METHODS = List.of(
            "messages.createChat",
            "messages.getInviteLink",
            "messages.getConversations",
            "messages.removeChatUser",
            "messages.send");

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        CITY.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    SchoolDataGenerator generator;

    @Autowired
    SubjectChatStatuses statuses;

    @Autowired
    Clock clock;

    @Autowired
    SyncProperties properties;

    @BeforeAll
    void connect() throws Exception {
        CITY.vk.faults(ru.paragraf.vkemulator.FaultPlan.NONE.withLatency(
                ru.paragraf.vkemulator.FaultPlan.Latency.fixed(Duration.ofMillis(40))));
        CITY.connect(1, generator, accounts, mvc, jdbc, clock);
    }

    @Test
    void aRevokedCommunityTokenPausesTheSchoolOnceWithoutARetryStorm() throws Exception {
        var school = CITY.schools.get(0);
        CITY.enableTasks(mvc, jdbc);
        await().atMost(Duration.ofSeconds(30)).until(() -> CITY.vk.chats().size() >= 3);

        CITY.vk.revokeToken(school.token());
        await().atMost(Duration.ofSeconds(30)).until(() -> pausedReason(school) != null);
        assertThat(pausedReason(school)).contains("токен");

        var callsWhenPaused = communityCalls();
        // operations already waiting for the token's rate limiter when the pause landed end too, and nothing after
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("sync.operation where status = 'RUNNING' and organization_id = '"
                                + school.organization() + "'")
                        == 0);
        var callsSettled = communityCalls();
        assertThat(callsSettled - callsWhenPaused)
                .as("calls after the pause: only those already under way (sferum.sync.community-concurrency − 1)")
                .isLessThanOrEqualTo(properties.communityConcurrency() - 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> communityCalls() == callsSettled);
        assertThat(count("audit.entry where action = 'SYNC_PAUSED'")).isEqualTo(1);
        assertThat(count("sync.operation where status = 'FAILED' and problem_category = 'CREDENTIALS'"))
                .as("operations wait for new credentials instead of failing")
                .isZero();
        assertThat(count("sync.operation where status = 'PENDING'")).isPositive();

        var journal = jdbc.sql(
                        """
                        select j.id from school.journal j where j.organization_id = :organization
                          and j.subject_chat_requested and not exists (select 1 from sync.chat c
                                where c.journal_id = j.id and c.state = 'ACTIVE') limit 1
                        """)
                .param("organization", school.organization())
                .query(java.util.UUID.class)
                .single();
        var status = statuses.chatOf(journal, true);
        assertThat(status.state().name()).isEqualTo("ERROR");
        assertThat(status.remedy()).contains("«Базе ссылок»");
    }

    private String pausedReason(ConnectedCity.School school) {
        return jdbc.sql("select paused_reason from sync.organization where organization_id = :organization")
                .param("organization", school.organization())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long communityCalls() {
        var stats = CITY.vk.stats();
        return COMMUNITY_METHODS.stream().mapToLong(stats::callsOf).sum();
    }

    private int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }
}
