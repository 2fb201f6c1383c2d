package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * Fault injection over the synchronization of two demo schools: VK answers 10 % of all API calls with a fault —
 * error 6 (too many requests), 9 (flood control), 10 (internal error), a timeout, or a response lost after the
 * side effect was done. The engine must still converge completely, with nothing created twice. The figures go to
 * target/reliability/fault-report.txt.
 */
@ConnectedCityTest
@TestPropertySource(properties = {"sferum.sync.max-backoff=2s", "sferum.vk.read-timeout=1s"})
class SyncFaultTests {

    static final double EACH = 0.02;

    @Autowired
    ConnectedCity city;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void connect() throws Exception {
        city.connect(2);
    }

    @Test
    void aTenthOfVkAnswersFaultyStillConvergesCompletelyWithoutDuplicates() throws Exception {
        city.vk.faults(FaultPlan.NONE
                .withSeed(10)
                .withLatency(FaultPlan.Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(30)))
                .withError(6, EACH, null)
                .withError(9, EACH, null)
                .withError(10, EACH, null)
                .withTimeout(EACH, null, Duration.ofMillis(1500))
                .withLostResponse(EACH, null));
        city.enableTasks();
        city.awaitSynchronized(Duration.ofMinutes(6));
        city.vk.clearFaults();

        var checks = city.checks();
        var stats = city.vk.stats();
        var injected = stats.methodErrors().values().stream()
                .mapToLong(
                        byCode -> byCode.getOrDefault(6, 0L) + byCode.getOrDefault(9, 0L) + byCode.getOrDefault(10, 0L))
                .sum();
        var calls =
                stats.methodCalls().values().stream().mapToLong(Long::longValue).sum();
        var retried = city.count("sync.operation where attempts > 1");
        report(List.of(
                "Fault injection: two demo schools, every VK API method, 10 % faults (2 % each: error 6, error 9,"
                        + " error 10, timeout, response lost after the side effect)",
                "operations: %d, retried: %d, done: %d, failed: %d, open: %d"
                        .formatted(
                                city.count("sync.operation"),
                                retried,
                                city.count("sync.operation where status = 'DONE'"),
                                checks.failedOperations(),
                                checks.openOperations()),
                "VK API calls: %d, error answers 6/9/10 injected: %d".formatted(calls, injected),
                "chats in VK: %d, in the ledger: %d, duplicates: %d"
                        .formatted(checks.chats(), checks.ledgerChats(), checks.duplicateChats()),
                "calls in VK: %d, in the ledger: %d, unused after lost answers: %d (unanswered starts: %d)"
                        .formatted(
                                checks.calls(), checks.ledgerCalls(), checks.orphanCalls(), checks.unconfirmedStarts()),
                "messages: %d, duplicates: %d".formatted(checks.announcements(), checks.duplicateMessages()),
                "convergence: %s"
                        .formatted(
                                checks.failedOperations() == 0 && checks.openOperations() == 0
                                        ? "100 %"
                                        : "incomplete")));

        assertThat(injected).as("faults were injected").isPositive();
        assertThat(retried).as("operations were retried").isPositive();
        assertThat(checks.openOperations()).isZero();
        assertThat(checks.failedOperations()).isZero();
        assertThat(checks.ledgerChats()).isPositive();
        assertThat(checks.duplicateChats()).isZero();
        assertThat(checks.chats()).isEqualTo(checks.ledgerChats());
        assertThat(checks.duplicateMessages()).isZero();
        assertThat(checks.announcements()).isEqualTo(checks.announcedCalls()).isEqualTo(checks.ledgerCalls());
        assertThat(checks.orphanCalls()).isLessThanOrEqualTo(checks.unconfirmedStarts());
        assertThat(meters.get("sferum.calls.unconfirmed-starts").gauge().value())
                .as("the operators' meter of unanswered starts")
                .isEqualTo(checks.unconfirmedStarts());
    }

    private static void report(List<String> lines) throws Exception {
        ReliabilityReport.write("fault-report.txt", lines);
    }
}
