package ru.paragraf.maxemulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counters since start: calls and error answers per method, 429s per bot, webhook deliveries. Not saved. */
final class Stats {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicInteger>> errors = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    private final AtomicInteger webhookDeliveries = new AtomicInteger();
    private final AtomicInteger webhookFailures = new AtomicInteger();

    void call(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    void error(String method, String code) {
        errors.computeIfAbsent(method, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> new AtomicInteger())
                .incrementAndGet();
    }

    void rateLimited(long botId) {
        rateLimited.computeIfAbsent(botId, b -> new AtomicInteger()).incrementAndGet();
    }

    void webhook(boolean delivered) {
        (delivered ? webhookDeliveries : webhookFailures).incrementAndGet();
    }

    EmulatorSnapshot.Stats snapshot() {
        var callCounts = new TreeMap<String, Integer>();
        calls.forEach((method, count) -> callCounts.put(method, count.get()));
        var errorCounts = new TreeMap<String, Map<String, Integer>>();
        errors.forEach((method, codes) -> {
            var byCode = new TreeMap<String, Integer>();
            codes.forEach((code, count) -> byCode.put(code, count.get()));
            errorCounts.put(method, byCode);
        });
        var limited = new TreeMap<Long, Integer>();
        rateLimited.forEach((bot, count) -> limited.put(bot, count.get()));
        return new EmulatorSnapshot.Stats(
                callCounts, errorCounts, limited, webhookDeliveries.get(), webhookFailures.get());
    }
}
