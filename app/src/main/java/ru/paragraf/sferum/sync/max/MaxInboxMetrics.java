package ru.paragraf.sferum.sync.max;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of the MAX updates inbox; tags are bounded (how an update came, never a bot id):
 *
 * <ul>
 *   <li>{@code sferum.max.updates.stored} (counter, {@code via}): updates stored, a repeated one not counted;
 *   <li>{@code sferum.max.updates.handled} (counter): updates handled;
 *   <li>{@code sferum.max.updates.failed} (counter): failed attempts to handle one (each retried, or parked);
 *   <li>{@code sferum.max.updates.parked} (counter): updates given up after the last attempt;
 *   <li>{@code sferum.max.updates.lag} (gauge, seconds): age of the oldest update waiting to be handled, 0 if none.
 * </ul>
 */
final class MaxInboxMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lagSeconds = new AtomicLong();

    MaxInboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("sferum.max.updates.lag", lagSeconds, AtomicLong::get)
                .description("Age of the oldest MAX update waiting to be handled")
                .baseUnit("seconds")
                .register(registry);
    }

    void stored(MaxInbox.Via via, int count) {
        Counter.builder("sferum.max.updates.stored")
                .description("MAX updates stored in the inbox")
                .tag("via", via.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment(count);
    }

    void handled() {
        count("sferum.max.updates.handled", "MAX updates handled");
    }

    void failed() {
        count("sferum.max.updates.failed", "Failed attempts to handle a MAX update");
    }

    void parked() {
        count("sferum.max.updates.parked", "MAX updates parked after the last attempt");
    }

    void lag(long seconds) {
        lagSeconds.set(seconds);
    }

    private void count(String name, String description) {
        Counter.builder(name).description(description).register(registry).increment();
    }
}
