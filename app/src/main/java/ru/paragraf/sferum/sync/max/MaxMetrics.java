package ru.paragraf.sferum.sync.max;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of the MAX client. Tags are bounded: call names (path templates, never ids), error codes; never a
 * token, a fingerprint or a bot id.
 *
 * <ul>
 *   <li>{@code sferum.max.requests} (timer): each HTTP exchange by {@code call} and {@code outcome} ({@code ok}, MAX's
 *       error code, {@code success_false}, {@code timeout}, {@code connection}, {@code http_502}…); 429 answers are
 *       {@code outcome=too.many.requests};
 *   <li>{@code sferum.max.rate-limit.waits} (counter): calls that waited for the client-side limiter;
 *   <li>{@code sferum.max.retries} (counter): repeated attempts by {@code call} and {@code reason}.
 * </ul>
 */
final class MaxMetrics {

    private final MeterRegistry registry;

    MaxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void exchanged(String call, MaxOutcome<?> outcome, long nanos) {
        var tag = outcome instanceof MaxOutcome.Failed<?> failed
                ? failed.failure().outcomeTag()
                : "ok";
        Timer.builder("sferum.max.requests")
                .description("MAX bot API requests (HTTP exchanges)")
                .tag("call", call)
                .tag("outcome", tag)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void waitedForPermit() {
        Counter.builder("sferum.max.rate-limit.waits")
                .description("MAX calls that waited for the client-side rate limiter")
                .register(registry)
                .increment();
    }

    void retried(String call, MaxFailure failure) {
        Counter.builder("sferum.max.retries")
                .description("Repeated MAX bot API attempts")
                .tag("call", call)
                .tag("reason", failure.outcomeTag())
                .register(registry)
                .increment();
    }
}
