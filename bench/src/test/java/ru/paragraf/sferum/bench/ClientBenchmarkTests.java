package ru.paragraf.sferum.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself works (a two-second run of two tokens) so that the documented command keeps working. Its
 * figures are not asserted: timing belongs to the benchmark run on a quiet machine, not to the build.
 */
class ClientBenchmarkTests {

    @TempDir
    Path results;

    @Test
    void runsAndWritesItsReport() throws Exception {
        var result =
                new ClientBenchmark(new ClientBenchmark.Settings(2, 2, Duration.ZERO, Duration.ofSeconds(2))).run();

        var file = BenchReport.write(BenchReport.markdown(result, "test"), results);

        assertThat(result.okCalls()).isPositive();
        assertThat(result.error6()).isZero();
        assertThat(result.perSecond()).hasSize(2);
        assertThat(Files.readString(file)).contains("ratio of the ceiling", "error-6 answers", "p50");
    }
}
