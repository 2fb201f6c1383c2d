package ru.paragraf.sferum.sync.vk;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One resilience4j rate limiter per token, keyed by the token's fingerprint and dropped after it has been idle.
 *
 * <p>Each limiter hands out <em>one permit per {@code 1 s / N}</em> (50 ms for a community token at 20/s,
 * 333 ms for a user token at 3/s), never N at once. VK (and the emulator) keep a bucket of N that refills at
 * N/s. A limiter of "N per second" would allow N at the end of one period and N more at the start of the next,
 * 2N within a few milliseconds, and the bucket would answer error 6. With one permit per 1/N s, any interval
 * of length t holds at most {@code N·t + 1} requests while the bucket admits {@code N + N·t}: it never runs dry,
 * and N − 1 requests of network jitter still fit. The sustained rate is the full N.
 *
 * <p>Memory stays bounded by the tokens in use: a limiter unused for {@code idleEviction} is dropped (a sweep
 * runs at most every {@code idleEviction / 2}), and one made anew starts with a single permit, which is safe
 * because an idle token's bucket at VK is full. This limit holds within one JVM; across nodes the sync engine
 * must keep one community on one node at a time (DESIGN §5.3).
 */
final class VkRateLimiters {

    private record Entry(RateLimiter limiter, long lastUsedNanos) {}

    private final ConcurrentHashMap<String, Entry> limiters = new ConcurrentHashMap<>();
    private final RateLimiterConfig community;
    private final RateLimiterConfig user;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong lastSweep;

    VkRateLimiters(VkProperties.RateLimit properties, LongSupplier nanoTime) {
        this.community = evenly(properties.communityPerSecond(), properties.maxWait());
        this.user = evenly(properties.userPerSecond(), properties.maxWait());
        // a limiter must outlive the longest wait for one of its permits
        this.idleNanos = Math.max(
                properties.idleEviction().toNanos(),
                properties.maxWait().plusSeconds(1).toNanos());
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    private static RateLimiterConfig evenly(int perSecond, Duration maxWait) {
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / perSecond))
                .timeoutDuration(maxWait)
                .build();
    }

    /** The token's limiter, made on first use; using it keeps it from eviction. */
    RateLimiter of(VkToken token) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        var key = token.fingerprint();
        return limiters.compute(
                        key,
                        (k, entry) -> new Entry(
                                entry == null ? RateLimiter.of("vk-" + k, configFor(token)) : entry.limiter(), now))
                .limiter();
    }

    int size() {
        return limiters.size();
    }

    private RateLimiterConfig configFor(VkToken token) {
        return token.kind() == VkToken.Kind.COMMUNITY ? community : user;
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last < idleNanos / 2 || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        // computeIfPresent re-checks under the key's lock, so an entry touched meanwhile survives
        for (var key : limiters.keySet()) {
            limiters.computeIfPresent(key, (k, entry) -> now - entry.lastUsedNanos() > idleNanos ? null : entry);
        }
    }
}
