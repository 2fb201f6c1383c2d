package ru.paragraf.vkemulator;

import java.util.concurrent.ConcurrentHashMap;

/** One limiter per token: 20 requests/s for community tokens, 3/s for user tokens (configurable). */
final class RateLimits {

    private final EmulatorConfig config;
    private final ConcurrentHashMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    RateLimits(EmulatorConfig config) {
        this.config = config;
    }

    boolean tryAcquire(Token token, long nowMillis) {
        return limiters.computeIfAbsent(token.id(), id -> newLimiter(token)).tryAcquire(nowMillis);
    }

    void clear() {
        limiters.clear();
    }

    private RateLimiter newLimiter(Token token) {
        int rate = token.isCommunity() ? config.communityRequestsPerSecond() : config.userRequestsPerSecond();
        return RateLimiter.create(config.rateLimitMode(), rate);
    }
}
