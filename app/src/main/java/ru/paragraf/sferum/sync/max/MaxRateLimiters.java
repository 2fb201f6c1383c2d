package ru.paragraf.sferum.sync.max;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One resilience4j rate limiter per bot token, keyed by the token's fingerprint. Like the VK client's limiters
 * ({@code VkRateLimiters}), each hands out one permit every {@code 1 s / N}, never N at once, so MAX's bucket of N
 * refilled at N/s never runs dry. The limit holds within one JVM; across nodes the engine keeps a bot on one node.
 * Schools are a few thousand at most, so the limiters are kept for the life of the process.
 */
final class MaxRateLimiters {

    private final ConcurrentHashMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final RateLimiterConfig config;

    MaxRateLimiters(int perSecond, Duration maxWait) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / perSecond))
                .timeoutDuration(maxWait)
                .build();
    }

    RateLimiter of(MaxToken token) {
        return limiters.computeIfAbsent(token.fingerprint(), key -> RateLimiter.of("max-" + key, config));
    }
}
