package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * Two nodes synchronize two schools; one of them is killed with SIGKILL in the middle. The survivor takes over the
 * dead node's communities when their leases expire and its interrupted operations when theirs do, and finishes
 * everything, with nothing created twice.
 */
@ConnectedCityTest
@TestPropertySource(
        properties = {
            "sferum.sync.communities=1",
            "sferum.sync.community-lease=5s",
            "sferum.sync.community-slice=5s",
            "sferum.sync.operation-lease=10s"
        })
class SyncNodeDeathTests {

    /**
     * The dead node's community lease (5 s) expires while the survivor's only worker serves its own community for
     * at most a slice (5 s), then the survivor hands out communities longest unserved first: within 15 s.
     */
    static final Duration LEASES = Duration.ofSeconds(15);

    @Autowired
    ConnectedCity city;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Workers workers;

    AppNode second;

    @BeforeAll
    void connect() throws Exception {
        city.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(Duration.ofMillis(40))));
        second = city.node("mortal").launch(); // it boots while the city is connected
        city.connect(2);
        second.awaitHealthy();
    }

    @AfterAll
    void stop() {
        second.close();
    }

    @Test
    void theSurvivingNodeTakesOverTheDeadNodesWorkWithinTheLeases() throws Exception {
        var survivor = workers.node();
        city.enableTasks();
        await().atMost(Duration.ofMinutes(2))
                .until(() ->
                        city.count("sync.operation where status = 'DONE' and finished_by <> '" + survivor + "'") >= 5);
        var deadNodes = jdbc.sql(
                        "select community_id from sync.community_lease where owner <> :survivor and lease_until > now()")
                .param("survivor", survivor)
                .query(Long.class)
                .list();
        assertThat(deadNodes).as("the second node held communities").isNotEmpty();
        second.kill();
        var killedAt = OffsetDateTime.now();
        var leftBehind = openIn(deadNodes);

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> city.open() == 0);

        var takeover = jdbc.sql(
                        """
                        select extract(epoch from min(finished_at) - :killedAt) from sync.operation
                        where finished_by = :survivor and finished_at > :killedAt and community_id in (:communities)
                        """)
                .param("killedAt", killedAt)
                .param("survivor", survivor)
                .param("communities", deadNodes)
                .query(Double.class)
                .optional();
        var checks = city.checks();
        var report = List.of(
                "Node death: two nodes, two schools; the second node killed with SIGKILL holding %d communities with %d open operations"
                        .formatted(deadNodes.size(), leftBehind),
                "first operation of the dead node's communities finished by the survivor %.1f s after the kill (leases: 5 s community, 10 s operation; the survivor serves a community 5 s at a time with one worker)"
                        .formatted(takeover.orElse(Double.NaN)),
                "after the takeover: " + checks);
        ReliabilityReport.write("node-death-report.txt", report);

        assertThat(leftBehind).as("the second node left work behind").isPositive();
        assertThat(takeover).hasValueSatisfying(seconds -> assertThat(seconds).isLessThanOrEqualTo(LEASES.toSeconds()));
        assertThat(checks.openOperations()).isZero();
        assertThat(checks.failedOperations()).isZero();
        assertThat(checks.duplicateChats()).isZero();
        assertThat(checks.chats()).isEqualTo(checks.ledgerChats());
        assertThat(checks.duplicateMessages()).isZero();
        assertThat(checks.announcements()).isEqualTo(checks.announcedCalls()).isEqualTo(checks.ledgerCalls());
        assertThat(checks.orphanCalls()).isLessThanOrEqualTo(checks.unconfirmedStarts() + 1);
    }

    private int openIn(List<Long> communities) {
        return jdbc.sql(
                        "select count(*) from sync.operation where status in ('PENDING', 'RUNNING') and community_id in (:communities)")
                .param("communities", communities)
                .query(Integer.class)
                .single();
    }
}
