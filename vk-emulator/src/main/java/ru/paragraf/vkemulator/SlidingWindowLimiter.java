package ru.paragraf.vkemulator;

/** At most {@code rate} admitted requests in any window of 1000 ms (a strict reading of "N per second"). */
final class SlidingWindowLimiter implements RateLimiter {

    private final long[] admittedAt;
    private int oldest;
    private int admitted;

    SlidingWindowLimiter(int rate) {
        this.admittedAt = new long[rate];
    }

    @Override
    public synchronized boolean tryAcquire(long nowMillis) {
        if (admitted == admittedAt.length && nowMillis - admittedAt[oldest] < 1000) {
            return false;
        }
        admittedAt[oldest] = nowMillis;
        oldest = (oldest + 1) % admittedAt.length;
        admitted = Math.min(admitted + 1, admittedAt.length);
        return true;
    }
}
