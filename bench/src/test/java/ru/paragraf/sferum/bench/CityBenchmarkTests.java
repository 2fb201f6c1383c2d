package ru.paragraf.sferum.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The city harness works end to end at a tiny scale (three schools, one video day on one node and one on two, a few
 * seconds each; the one-node run waits for its day to drain, capped at four seconds), so that the documented
 * command keeps working. Its timings are not asserted (but the capped window's length); only that it measured
 * something, where the CPU went included, and created nothing twice.
 */
class CityBenchmarkTests {

    @TempDir
    Path results;

    @Test
    void runsATinyCityAndWritesItsReportAndPlot() throws Exception {
        var settings =
                new CityBenchmark.Settings(3, 1, Duration.ofMillis(5), 4, 2, 3, 4, 2, 0.8, 1000, 100, true, true, 4);

        var result = new CityBenchmark(settings).run();
        var file = CityReport.write(result, "test", results);

        assertThat(result.planning().operations()).isPositive();
        assertThat(result.incremental().count()).isPositive();
        assertThat(result.run().requests()).isPositive();
        assertThat(result.run().error6()).isZero();
        assertThat(result.run().duplicates().duplicateChats()).isZero();
        var cpu = result.run().cpu();
        assertThat(cpu.wallSeconds())
                .as("the one-node run waits for its video day to drain, at most 4 s: a school needs more at 20/s")
                .isBetween(3.9, 60.0);
        assertThat(cpu.app()).isPositive();
        assertThat(cpu.emulator()).isPositive();
        assertThat(cpu.bench()).isPositive();
        assertThat(cpu.postgres()).as("PostgreSQL's processes, from /proc").isPositive();
        assertThat(result.run().engineMillisPerRequest()).isPositive();
        var day = result.run().videoDay();
        assertThat(day.lessons()).isPositive();
        assertThat(day.drainedSeconds()).isNull();
        assertThat(day.busiestCommunityRequests()).isPositive();
        assertThat(day.requests()).isGreaterThanOrEqualTo(day.busiestCommunityRequests());
        assertThat(result.twoNodes()).isNotNull();
        assertThat(result.twoNodes().requests()).isPositive();
        assertThat(result.twoNodes().error6()).isZero();
        assertThat(Files.readString(file))
                .contains(
                        "ratio of the ceiling",
                        "publish → link",
                        "journal page",
                        "two nodes' requests/s",
                        "machine CPU time per VK request",
                        "CPU per VK request: application (but its pages) + PostgreSQL",
                        "video day drained ÷ the floor VK allows",
                        "sync-worker-#",
                        "statements and");
        try (var svgs = Files.list(results)) {
            assertThat(svgs.filter(p -> p.toString().endsWith(".svg")))
                    .singleElement()
                    .satisfies(svg ->
                            assertThat(Files.readString(svg)).startsWith("<svg").contains("polyline"));
        }
    }
}
