package ru.paragraf.sferum.sync;

/**
 * How many operations this node's workers may have in flight: up to {@code worker-threads}, fewer while the
 * machine's CPU is busier than {@code cpu-ceiling}. A mass video day is bulk work that would take every CPU it
 * finds; the journal page, the diary and a lesson published just now must still find one free
 * (docs/benchmarks.md, city benchmark). The limit shrinks by a quarter at each look above the ceiling and grows
 * by a little at each look below it while it is what holds the workers back: additive increase, multiplicative
 * decrease, as TCP's window does. Like TCP it starts small, and again after the workers were idle: a burst of
 * every thread at once would hold the CPU for seconds before the first look could shrink it, and operations
 * already in flight cannot be called back. Confined to the pump thread.
 */
final class WorkerLimit {

    /** The workers never stop: even on a machine busy with something else, the queue goes on (fewer threads: all). */
    static final int MINIMUM = 2;

    /** Where the limit starts, and returns to when nothing was in flight. */
    static final int START = 16;

    /** Below the ceiling by this much, the limit may grow; between, it holds. */
    private static final double HEADROOM = 0.05;

    private final int maximum;
    private final int minimum;
    private final double ceiling;
    private int limit;
    /** The CPU load, smoothed over the last looks; negative before the first. */
    private double load = -1;

    /**
     * @param maximum the {@code worker-threads}
     * @param ceiling the machine's CPU load (0–1) above which the workers hold back; 1 or more: never
     */
    WorkerLimit(int maximum, double ceiling) {
        this.maximum = Math.max(1, maximum);
        this.minimum = Math.min(MINIMUM, this.maximum);
        this.ceiling = ceiling;
        this.limit = ceiling >= 1 ? this.maximum : Math.min(START, this.maximum);
    }

    /**
     * A look at the machine: its CPU load over the last interval (0–1, negative when the platform cannot tell) and
     * how many operations are in flight. Returns the new limit.
     */
    int adjust(double cpuLoad, int inFlight) {
        if (ceiling >= 1 || cpuLoad < 0 || Double.isNaN(cpuLoad)) {
            limit = maximum;
            return limit;
        }
        load = load < 0 ? cpuLoad : (load + cpuLoad) / 2;
        if (inFlight == 0) {
            limit = Math.min(limit, Math.min(START, maximum));
        } else if (load > ceiling) {
            limit = Math.max(minimum, limit * 3 / 4);
        } else if (load < ceiling - HEADROOM && inFlight >= limit * 3 / 4) {
            limit = Math.min(maximum, limit + 1 + limit / 16);
        }
        return limit;
    }

    int limit() {
        return limit;
    }
}
