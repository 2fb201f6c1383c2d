package ru.paragraf.sferum.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figures of one client benchmark run.
 *
 * @param okCalls calls that succeeded within the window
 * @param serverRequests requests the emulator received during the run (its own count)
 * @param error6 error-6 answers the emulator gave (its count of rate-limit violations)
 * @param perSecond successful calls completed in each second of the window
 * @param requestLatency one HTTP exchange with the emulator, all methods
 * @param callLatency one {@code VkClient.call}, including the wait for the token's rate-limit permit
 */
record BenchResult(
        ClientBenchmark.Settings settings,
        int perTokenLimit,
        long okCalls,
        long failedCalls,
        Map<String, Long> failures,
        long serverRequests,
        long error6,
        long[] perSecond,
        Latency requestLatency,
        Map<String, Latency> methodLatency,
        Latency callLatency) {

    static final double TARGET_RATIO = 0.95;

    int ceiling() {
        return settings.tokens() * perTokenLimit;
    }

    double achievedPerSecond() {
        return okCalls / (double) settings.duration().toSeconds();
    }

    double ratio() {
        return achievedPerSecond() / ceiling();
    }

    boolean meetsTarget() {
        return ratio() >= TARGET_RATIO && error6 == 0 && failedCalls == 0;
    }

    /** Percentiles of a timer, in milliseconds. */
    record Latency(long count, double p50, double p95, double p99, double max) {

        static Latency of(Timer timer) {
            var snapshot = timer.takeSnapshot();
            double p50 = 0, p95 = 0, p99 = 0;
            for (ValueAtPercentile value : snapshot.percentileValues()) {
                double ms = value.value(TimeUnit.MILLISECONDS);
                if (value.percentile() == 0.5) {
                    p50 = ms;
                } else if (value.percentile() == 0.95) {
                    p95 = ms;
                } else if (value.percentile() == 0.99) {
                    p99 = ms;
                }
            }
            return new Latency(snapshot.count(), p50, p95, p99, snapshot.max(TimeUnit.MILLISECONDS));
        }

        static Duration millis(double value) {
            return Duration.ofNanos((long) (value * 1_000_000));
        }
    }
}
