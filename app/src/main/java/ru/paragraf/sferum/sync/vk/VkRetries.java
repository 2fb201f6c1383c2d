package ru.paragraf.sferum.sync.vk;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.LongSupplier;

/**
 * When a failed attempt is repeated: resilience4j Retry on the attempt's {@link VkOutcome}, with exponential
 * backoff and jitter, at most {@code maxAttempts} attempts, and no new attempt after {@code maxTotalTime}.
 *
 * <p>Repeated are transient failures only ({@link VkErrorCategory#RETRY}: VK errors 1, 6, 9, 10, timeouts, lost
 * connections, HTTP 5xx), and for a non-idempotent request only those that certainly did nothing: error 6 and 9
 * (VK refused before running the method) and a connection that was never made. A timeout, a dropped answer,
 * a 5xx or error 10 of {@code messages.createChat} may have created the chat; a repeat could create a second
 * one, so the ambiguous failure goes back to the caller, who looks the chat up.
 */
final class VkRetries {

    private final VkProperties.RetryPolicy policy;
    private final IntervalFunction backoff;
    private final LongSupplier nanoTime;

    VkRetries(VkProperties.RetryPolicy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(
                policy.initialBackoff(), policy.multiplier(), policy.jitter(), policy.maxBackoff());
        this.nanoTime = nanoTime;
    }

    /** A Retry for one call that started at {@code startedNanos}. */
    <T> Retry forCall(VkRequest<T> request, long startedNanos, VkMetrics metrics) {
        boolean idempotent = request.idempotent();
        long deadline = startedNanos + policy.maxTotalTime().toNanos();
        var config = RetryConfig.<VkOutcome<T>>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(outcome -> outcome instanceof VkOutcome.Failed<T> failed
                        && repeatable(failed.failure(), idempotent)
                        && nanoTime.getAsLong() < deadline
                        && !Thread.currentThread().isInterrupted())
                // an exception here is a bug in the client, not a VK failure: repeating it cannot help
                .retryOnException(exception -> false)
                .intervalBiFunction(IntervalBiFunction.ofIntervalFunction(backoff))
                .consumeResultBeforeRetryAttempt((attempt, outcome) -> {
                    if (outcome instanceof VkOutcome.Failed<T> failed) {
                        metrics.retried(request.method(), failed.failure());
                    }
                })
                .failAfterMaxAttempts(false)
                .build();
        return Retry.of(request.method(), config);
    }

    static boolean repeatable(VkFailure failure, boolean idempotent) {
        if (failure.category() != VkErrorCategory.RETRY) {
            return false;
        }
        var retriedKind =
                switch (failure.kind()) {
                    case API_ERROR -> VkErrorCodes.retriedByClient(failure.code());
                    case TIMEOUT, CONNECTION, HTTP_STATUS -> true;
                        // the limiter already waited maxWait; the caller reschedules
                    case THROTTLED, MALFORMED_RESPONSE -> false;
                };
        return retriedKind && (idempotent || !failure.ambiguous());
    }
}
