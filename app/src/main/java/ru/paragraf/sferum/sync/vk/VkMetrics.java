package ru.paragraf.sferum.sync.vk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of the VK client. Tags are bounded: method names, error codes, token kinds; never a token
 * or a fingerprint (25,000 teacher tokens would be 25,000 series, and a tag must not identify a secret).
 *
 * <ul>
 *   <li>{@code sferum.vk.requests} (timer): each HTTP exchange, by {@code method}, {@code token} kind and
 *       {@code outcome} ({@code ok}, the VK error code, {@code timeout}, {@code connection}, {@code http_5xx}…);
 *       error 6 answers are {@code outcome=6};
 *   <li>{@code sferum.vk.rate-limit.waits} (counter): calls that waited for the client-side limiter;
 *   <li>{@code sferum.vk.retries} (counter): repeated attempts, by {@code method} and the {@code reason}.
 * </ul>
 */
final class VkMetrics {

    private final MeterRegistry registry;

    VkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void exchanged(String method, VkToken.Kind kind, VkOutcome<?> outcome, long nanos) {
        var tag =
                outcome instanceof VkOutcome.Failed<?> failed ? failed.failure().outcomeTag() : "ok";
        Timer.builder("sferum.vk.requests")
                .description("VK API requests (HTTP exchanges)")
                .tag("method", method)
                .tag("token", kind.tag())
                .tag("outcome", tag)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void waitedForPermit(VkToken.Kind kind) {
        Counter.builder("sferum.vk.rate-limit.waits")
                .description("VK calls that waited for the client-side rate limiter")
                .tag("token", kind.tag())
                .register(registry)
                .increment();
    }

    void retried(String method, VkFailure failure) {
        Counter.builder("sferum.vk.retries")
                .description("Repeated VK API attempts")
                .tag("method", method)
                .tag("reason", failure.outcomeTag())
                .register(registry)
                .increment();
    }
}
