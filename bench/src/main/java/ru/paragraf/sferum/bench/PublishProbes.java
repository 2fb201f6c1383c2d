package ru.paragraf.sferum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publish → link visible, while the mass run goes on: a school admin switches a lesson to video and publishes it
 * through the API, as a teacher would; the time until the ledger (what the diary and the journal page show) holds
 * the lesson's active call with its join link.
 */
final class PublishProbes implements Runnable {

    /** A lesson to publish, and the admin of its school. */
    record Probe(UUID lesson, String admin) {}

    /**
     * What became of the probes: publish → link, and where the time went: publish → its START_CALL queued
     * ({@code queued}) and → claimed by a worker ({@code claimed}).
     */
    record Figures(
            Percentiles latency,
            int published,
            int visible,
            int failed,
            int pending,
            Percentiles queued,
            Percentiles claimed) {}

    private final AppHttp http;
    private final JdbcClient jdbc;
    private final List<Probe> probes;
    private final long everyMillis;
    private final Window window;
    private final long grace;
    // the publishing thread adds, the watching thread removes and measures
    private final Map<UUID, Long> waiting = new ConcurrentHashMap<>();
    private final Map<UUID, Long> notQueued = new ConcurrentHashMap<>();
    private final Map<UUID, Long> notClaimed = new ConcurrentHashMap<>();
    private final List<Double> latencies = new ArrayList<>();
    private final List<Double> queuedAfter = new ArrayList<>();
    private final List<Double> claimedAfter = new ArrayList<>();
    private volatile boolean publishing = true;
    private int published;
    private int failed;
    private int pending;

    PublishProbes(AppHttp http, JdbcClient jdbc, List<Probe> probes, long everyMillis, Window window, long graceNanos) {
        this.http = http;
        this.jdbc = jdbc;
        this.probes = probes;
        this.everyMillis = everyMillis;
        this.window = window;
        this.grace = graceNanos;
    }

    /**
     * Publishes on schedule, while another thread watches: a publish call that takes seconds under load must not
     * hold back the look at lessons published before.
     */
    @Override
    public void run() {
        var watcher = new Thread(this::watch, "bench-probe-watcher");
        watcher.start();
        try {
            long nextPublish = System.nanoTime();
            var next = 0;
            while (window.isOpen() && next < probes.size()) {
                if (System.nanoTime() >= nextPublish) {
                    publish(probes.get(next++));
                    nextPublish += everyMillis * 1_000_000L;
                }
                CityConnection.pause(10);
            }
        } finally {
            publishing = false;
        }
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending = waiting.size();
    }

    private void publish(Probe probe) {
        http.api(
                probe.admin(),
                CityConnection.PASSWORD,
                "PUT",
                "/api/lessons/" + probe.lesson() + "/video-call",
                "{\"on\": true}");
        var began = System.nanoTime();
        notQueued.put(probe.lesson(), began);
        notClaimed.put(probe.lesson(), began);
        waiting.put(probe.lesson(), began);
        http.api(probe.admin(), CityConnection.PASSWORD, "POST", "/api/lessons/" + probe.lesson() + "/publish", null);
        published++;
    }

    private void watch() {
        while (publishing || (!waiting.isEmpty() && System.nanoTime() < window.end() + grace)) {
            if (!waiting.isEmpty()) {
                check();
            }
            CityConnection.pause(50);
        }
    }

    private void check() {
        if (!notClaimed.isEmpty()) {
            jdbc.sql(
                            """
                            select object_key, status from sync.operation
                            where status in ('PENDING', 'RUNNING') and kind = 'START_CALL' and object_key in (:keys)
                            """)
                    .param(
                            "keys",
                            notClaimed.keySet().stream()
                                    .map(lesson -> "call:" + lesson)
                                    .toList())
                    .query((rs, row) -> {
                        var lesson = UUID.fromString(rs.getString(1).substring("call:".length()));
                        var now = System.nanoTime();
                        reached(notQueued, queuedAfter, lesson, now);
                        if (!"PENDING".equals(rs.getString(2))) {
                            reached(notClaimed, claimedAfter, lesson, now);
                        }
                        return lesson;
                    })
                    .list();
        }
        jdbc.sql(
                        "select lesson_id, state from sync.call where lesson_id in (:lessons) and state in ('ACTIVE', 'FAILED')")
                .param("lessons", List.copyOf(waiting.keySet()))
                .query((rs, row) -> {
                    var lesson = rs.getObject(1, UUID.class);
                    var began = waiting.remove(lesson);
                    // an operation done between two looks was queued and claimed by now at the latest
                    var now = System.nanoTime();
                    reached(notQueued, queuedAfter, lesson, now);
                    reached(notClaimed, claimedAfter, lesson, now);
                    if ("ACTIVE".equals(rs.getString(2))) {
                        latencies.add((System.nanoTime() - began) / 1e6);
                    } else {
                        failed++;
                    }
                    return lesson;
                })
                .list();
    }

    /** The lesson reached a stage it was still waiting for: the time since its publish call began. */
    private static void reached(Map<UUID, Long> waitingFor, List<Double> after, UUID lesson, long now) {
        var began = waitingFor.remove(lesson);
        if (began != null) {
            after.add((now - began) / 1e6);
        }
    }

    Figures figures() {
        return new Figures(
                Percentiles.of(latencies),
                published,
                latencies.size(),
                failed,
                pending,
                Percentiles.of(queuedAfter),
                Percentiles.of(claimedAfter));
    }
}
