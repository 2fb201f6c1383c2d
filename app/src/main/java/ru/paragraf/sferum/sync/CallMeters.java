package ru.paragraf.sferum.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meter of calls that may live in VK unknown to anyone: {@code sferum.calls.unconfirmed-starts}, how many
 * {@code calls.start} requests VK may have carried out without its answer reaching the engine (an answer lost on the
 * way, or the node killed between VK's answer and the commit). Each may have left a call whose link nobody knows;
 * VK's public API has no method to list or look up calls (shared/reference/vk-protocol.md: only {@code calls.start}
 * and {@code calls.forceFinish}), so they cannot be found and finished, and the figure says how many there may be.
 * Read from the database at every scrape, the same on every node.
 */
@Component
class CallMeters implements MeterBinder {

    private final JdbcClient jdbc;

    CallMeters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sferum.calls.unconfirmed-starts", this, CallMeters::unconfirmedStarts)
                .description("calls.start requests whose answer never reached the engine (calls VK may keep unknown)")
                .strongReference(true)
                .register(registry);
    }

    private double unconfirmedStarts() {
        return jdbc.sql("select coalesce(sum(unconfirmed_starts), 0) from sync.call where unconfirmed_starts > 0")
                .query(Long.class)
                .single();
    }
}
