package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * Two application nodes on one database synchronize three schools at once: every chat, call and message exists
 * once, VK never answers "too many requests", and both nodes did part of the work.
 */
@ConnectedCityTest
@TestPropertySource(properties = {"sferum.sync.communities=1", "sferum.sync.community-lease=5s"})
class SyncTwoNodesTests {

    @Autowired
    ConnectedCity city;

    @Autowired
    JdbcClient jdbc;

    AppNode second;

    @BeforeAll
    void connect() throws Exception {
        city.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(Duration.ofMillis(20))));
        second = city.node("second").launch(); // it boots while the city is connected
        city.connect(3);
        second.awaitHealthy();
    }

    @AfterAll
    void stop() {
        second.close();
    }

    @Test
    void twoNodesSyncOneCityWithoutDuplicatesOrRateLimitErrors() throws Exception {
        city.enableTasks();
        city.awaitSynchronized(Duration.ofMinutes(4));

        var checks = city.checks();
        System.out.println("Two nodes, three schools: " + checks);
        assertThat(checks.ledgerChats()).isPositive();
        assertThat(checks.duplicateChats()).isZero();
        assertThat(checks.chats()).isEqualTo(checks.ledgerChats());
        assertThat(checks.calls()).isEqualTo(checks.ledgerCalls()).isPositive();
        assertThat(checks.orphanCalls()).isZero();
        assertThat(checks.duplicateMessages()).isZero();
        assertThat(checks.announcements()).isEqualTo(checks.announcedCalls());
        assertThat(checks.failedOperations()).isZero();
        assertThat(checks.rateLimitViolations()).isZero();
        assertThat(city.vk.stats().methodErrors().values().stream()
                        .mapToLong(byCode -> byCode.getOrDefault(6, 0L))
                        .sum())
                .as("error 6 answers")
                .isZero();
        var nodes = jdbc.sql("select count(distinct finished_by) from sync.operation")
                .query(Integer.class)
                .single();
        assertThat(nodes).as("both nodes carried out operations").isEqualTo(2);
    }
}
