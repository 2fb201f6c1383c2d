package ru.paragraf.sferum.bench;

/**
 * A mass run's measured window: it closes at its deadline, or earlier when the benchmark closes it (a video day
 * drained). Web users and the publisher work while it is open.
 */
final class Window {

    private final long start;
    private volatile long end;

    Window(long start, long end) {
        this.start = start;
        this.end = end;
    }

    long start() {
        return start;
    }

    /** {@link System#nanoTime()} at which the window closes (or closed). */
    long end() {
        return end;
    }

    boolean isOpen() {
        return System.nanoTime() < end;
    }

    /** Closes the window now, unless it is closed already. */
    void close() {
        end = Math.min(end, System.nanoTime());
    }
}
