package ru.paragraf.sferum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with real time from where the test put it, and that the test moves forward, for tests of a
 * running application: its leases and retry backoffs go on as usual, while the test jumps to the hour it is about.
 * Move it only while the queue is empty: an operation in flight across a jump outlives its lease. Shared by threads.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Now is {@code start}, in St Petersburg. */
    public static MovableClock at(Instant start) {
        return new MovableClock(
                new AtomicReference<>(Duration.between(Instant.now(), start)), ZoneId.of("Europe/Moscow"));
    }

    /** Jumps to {@code instant}, which must not be earlier than now. */
    public void moveTo(Instant instant) {
        var now = instant();
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("The clock only moves forward: " + instant + " is before " + now);
        }
        offset.set(Duration.between(Instant.now(), instant));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(offset, other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
