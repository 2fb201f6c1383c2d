package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.school.generator.SchoolDataGenerator;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * Two application nodes on one database synchronize three schools at once: every chat, call and message exists
 * once, VK never answers "too many requests", and both nodes did part of the work.
 */
@SpringBootTest(
        properties = {
            "sferum.sync.pump-interval=100ms",
            "sferum.sync.backoff=200ms",
            "sferum.sync.communities=1",
            "sferum.sync.community-lease=5s"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncTwoNodesTests {

    static final ConnectedCity CITY = new ConnectedCity();

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
    Environment environment;

    @Autowired
    Clock clock;

    AppNode second;

    @BeforeAll
    void connect() throws Exception {
        CITY.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(Duration.ofMillis(20))));
        CITY.connect(3, generator, accounts, mvc, jdbc, clock);
        second = new AppNode(
                        "second",
                        environment.getProperty("spring.datasource.url"),
                        CITY.vk.baseUrl(),
                        ConnectedCity.CLIENT_ID)
                .start();
    }

    @AfterAll
    void stop() {
        second.close();
    }

    @Test
    void twoNodesSyncOneCityWithoutDuplicatesOrRateLimitErrors() throws Exception {
        CITY.enableTasks(mvc, jdbc);
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.sql("select count(*) from sync.operation where status in ('PENDING', 'RUNNING')")
                                .query(Integer.class)
                                .single()
                        == 0);

        var checks = SyncLedgerChecks.of(CITY.vk, jdbc);
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
        assertThat(CITY.vk.stats().methodErrors().values().stream()
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
