package ru.paragraf.vkemulator;

/** Admits or rejects one request of one token at a point in time; rejected requests consume nothing. */
interface RateLimiter {

    boolean tryAcquire(long nowMillis);

    static RateLimiter create(EmulatorConfig.RateLimitMode mode, int perSecond) {
        return mode == EmulatorConfig.RateLimitMode.SLIDING_WINDOW
                ? new SlidingWindowLimiter(perSecond)
                : new TokenBucketLimiter(perSecond);
    }
}
