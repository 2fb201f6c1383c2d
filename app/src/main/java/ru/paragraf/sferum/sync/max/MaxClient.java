package ru.paragraf.sferum.sync.max;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MAX bot API client: every call goes through the bot token's rate limiter, is repeated when that is safe (429
 * always, with backoff), and ends as a classified {@link MaxOutcome}. Thread-safe; one instance serves all bots.
 *
 * <pre>{@code
 * var outcome = max.call(token, new MaxMembers.Add(chatId, List.of(pupil, parent)));
 * if (outcome instanceof MaxOutcome.Ok<MaxMembers.Added> ok) { … ok.value().refusals() … }
 * else if (outcome instanceof MaxOutcome.Failed<?> failed) { … failed.failure().toProblem() … }
 * }</pre>
 */
public class MaxClient {

    private static final Logger log = LoggerFactory.getLogger(MaxClient.class);

    private final MaxTransport transport;
    private final MaxRateLimiters limiters;
    private final MaxRetries retries;
    private final MaxMetrics metrics;

    public MaxClient(MaxProperties properties, MeterRegistry registry) {
        this(properties, registry, MaxTransport.httpClient(properties));
    }

    MaxClient(MaxProperties properties, MeterRegistry registry, HttpClient http) {
        this.metrics = new MaxMetrics(registry);
        this.transport = new MaxTransport(http, properties, metrics);
        this.limiters = new MaxRateLimiters(properties.requestsPerSecond(), properties.maxWait());
        this.retries = new MaxRetries(properties.retry(), System::nanoTime);
    }

    /** Makes the call; never throws for a MAX or network failure, which is returned as {@link MaxOutcome.Failed}. */
    public <T> MaxOutcome<T> call(MaxToken token, MaxRequest<T> request) {
        long started = System.nanoTime();
        var attempts = new AtomicInteger();
        var retry = retries.forCall(request, started, metrics);
        MaxOutcome<T> outcome = retry.executeSupplier(() -> {
            attempts.incrementAndGet();
            return attempt(token, request);
        });
        if (outcome instanceof MaxOutcome.Failed<T> failed) {
            var failure = failed.failure().withAttempts(attempts.get());
            log.warn("MAX call failed, bot token {}: {}", token.masked(), failure.describe());
            return new MaxOutcome.Failed<>(failure);
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "MAX {} ok, bot token {}, {} attempt(s), {} ms",
                    request.name(),
                    token.masked(),
                    attempts.get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return outcome;
    }

    private <T> MaxOutcome<T> attempt(MaxToken token, MaxRequest<T> request) {
        long wait = limiters.of(token).reservePermission();
        if (wait < 0) {
            return new MaxOutcome.Failed<>(MaxFailure.of(
                    request.name(),
                    MaxFailure.Kind.THROTTLED,
                    "no rate-limit permit within the configured wait",
                    false));
        }
        if (wait > 0) {
            metrics.waitedForPermit();
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new MaxOutcome.Failed<>(
                        MaxFailure.of(request.name(), MaxFailure.Kind.THROTTLED, "interrupted", false));
            }
        }
        return transport.exchange(token, request);
    }
}
