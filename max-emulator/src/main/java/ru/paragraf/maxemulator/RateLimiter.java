package ru.paragraf.maxemulator;

/**
 * A token bucket of capacity {@code rate} refilled continuously at {@code rate} per second: a burst of {@code rate + 1}
 * requests gets one refusal, a steady {@code rate} per second none. Refused requests consume nothing.
 */
final class RateLimiter {

    private final int rate;
    private double available;
    private long lastRefill = Long.MIN_VALUE;

    RateLimiter(int rate) {
        this.rate = rate;
        this.available = rate;
    }

    synchronized boolean tryAcquire(long nowMillis) {
        if (lastRefill != Long.MIN_VALUE && nowMillis > lastRefill) {
            available = Math.min(rate, available + (nowMillis - lastRefill) * rate / 1000.0);
        }
        if (lastRefill == Long.MIN_VALUE || nowMillis > lastRefill) {
            lastRefill = nowMillis;
        }
        if (available >= 1.0) {
            available -= 1.0;
            return true;
        }
        return false;
    }
}
