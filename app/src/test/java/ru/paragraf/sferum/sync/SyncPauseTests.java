package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.school.SubjectChatStatuses;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * A community token revoked in the middle of a school's synchronization: the organization is paused once, with
 * one Russian message for the admin, its operations wait instead of failing, and VK is not called again and again.
 */
@ConnectedCityTest
class SyncPauseTests {

    /** VK methods the engine calls with the community token. */
    static final List<String> COMMUNITY_METHODS = List.of(
            "messages.createChat",
            "messages.getInviteLink",
            "messages.getConversations",
            "messages.removeChatUser",
            "messages.send");

    @Autowired
    ConnectedCity city;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectChatStatuses statuses;

    @Autowired
    SyncProperties properties;

    @BeforeAll
    void connect() throws Exception {
        city.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(Duration.ofMillis(40))));
        city.connect(1);
    }

    @Test
    void aRevokedCommunityTokenPausesTheSchoolOnceWithoutARetryStorm() throws Exception {
        var school = city.schools.get(0);
        city.enableTasks();
        await().atMost(Duration.ofSeconds(30)).until(() -> city.vk.chats().size() >= 3);

        city.vk.revokeToken(school.token());
        await().atMost(Duration.ofSeconds(30)).until(() -> pausedReason(school) != null);
        assertThat(pausedReason(school)).contains("токен");

        var callsWhenPaused = communityCalls();
        // operations already waiting for the token's rate limiter when the pause landed end too, and nothing after
        await().atMost(Duration.ofSeconds(10))
                .until(() -> city.count("sync.operation where status = 'RUNNING' and organization_id = '"
                                + school.organization() + "'")
                        == 0);
        var callsSettled = communityCalls();
        assertThat(callsSettled - callsWhenPaused)
                .as("calls after the pause: only those already under way (sferum.sync.community-concurrency − 1)")
                .isLessThanOrEqualTo(properties.communityConcurrency() - 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> communityCalls() == callsSettled);
        assertThat(city.count("audit.entry where action = 'SYNC_PAUSED'")).isEqualTo(1);
        assertThat(city.count("sync.operation where status = 'FAILED' and problem_category = 'CREDENTIALS'"))
                .as("operations wait for new credentials instead of failing")
                .isZero();
        assertThat(city.count("sync.operation where status = 'PENDING'")).isPositive();

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
        var stats = city.vk.stats();
        return COMMUNITY_METHODS.stream().mapToLong(stats::callsOf).sum();
    }
}
