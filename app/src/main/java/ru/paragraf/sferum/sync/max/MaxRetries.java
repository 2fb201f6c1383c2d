package ru.paragraf.sferum.sync.max;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.LongSupplier;
import ru.paragraf.sferum.sync.messenger.Problem;

/**
 * When a failed attempt is repeated: resilience4j Retry on the attempt's {@link MaxOutcome}, exponential backoff with
 * jitter (at least a 429's {@code Retry-After}), at most {@code maxAttempts}, no new attempt after {@code maxTotalTime}.
 *
 * <p>Repeated are transient failures only ({@link Problem.Kind#RETRY}), and for a non-idempotent call (a message
 * send) only those that certainly did nothing: a 429 (refused before the method ran) and a connection that was never
 * made. A timeout, a lost answer or a 5xx of a send may have posted it; the caller reconciles instead.
 */
final class MaxRetries {

    private final MaxProperties.RetryPolicy policy;
    private final IntervalFunction backoff;
    private final LongSupplier nanoTime;

    MaxRetries(MaxProperties.RetryPolicy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(
                policy.initialBackoff(), policy.multiplier(), 0.5, policy.maxBackoff());
        this.nanoTime = nanoTime;
    }

    <T> Retry forCall(MaxRequest<T> request, long startedNanos, MaxMetrics metrics) {
        boolean idempotent = request.idempotent();
        long deadline = startedNanos + policy.maxTotalTime().toNanos();
        IntervalBiFunction<MaxOutcome<T>> interval = (attempt, result) -> {
            long wait = backoff.apply(attempt);
            if (result.isRight() && result.get() instanceof MaxOutcome.Failed<T> failed) {
                var retryAfter = failed.failure().retryAfter();
                if (retryAfter != null) {
                    wait = Math.max(
                            wait,
                            Math.min(retryAfter.toMillis(), policy.maxBackoff().toMillis()));
                }
            }
            return wait;
        };
        var config = RetryConfig.<MaxOutcome<T>>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(outcome -> outcome instanceof MaxOutcome.Failed<T> failed
                        && repeatable(failed.failure(), idempotent)
                        && nanoTime.getAsLong() < deadline
                        && !Thread.currentThread().isInterrupted())
                // an exception here is a bug in the client, not a MAX failure: repeating it cannot help
                .retryOnException(exception -> false)
                .intervalBiFunction(interval)
                .consumeResultBeforeRetryAttempt((attempt, outcome) -> {
                    if (outcome instanceof MaxOutcome.Failed<T> failed) {
                        metrics.retried(request.name(), failed.failure());
                    }
                })
                .failAfterMaxAttempts(false)
                .build();
        return Retry.of(request.name(), config);
    }

    static boolean repeatable(MaxFailure failure, boolean idempotent) {
        if (failure.problem() != Problem.Kind.RETRY || failure.kind() == MaxFailure.Kind.THROTTLED) {
            // the limiter already waited maxWait; the caller reschedules
            return false;
        }
        return idempotent || !failure.ambiguous();
    }
}
