package ru.paragraf.vkemulator;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of VK API calls per method, errors per method and code, and rate-limit violations per token. */
final class Stats {

    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, LongAdder>> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> violations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Token> violators = new ConcurrentHashMap<>();

    void call(String method) {
        calls.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    void error(String method, int code) {
        errors.computeIfAbsent(method, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> new LongAdder())
                .increment();
    }

    void rateLimitViolation(Token token) {
        violators.putIfAbsent(token.id(), token);
        violations.computeIfAbsent(token.id(), id -> new LongAdder()).increment();
    }

    EmulatorSnapshot.Stats snapshot() {
        var callCounts = new TreeMap<String, Long>();
        calls.forEach((method, count) -> callCounts.put(method, count.sum()));
        var errorCounts = new TreeMap<String, Map<Integer, Long>>();
        errors.forEach((method, byCode) -> {
            var codes = new TreeMap<Integer, Long>();
            byCode.forEach((code, count) -> codes.put(code, count.sum()));
            errorCounts.put(method, codes);
        });
        var violationList = violations.entrySet().stream()
                .map(entry -> {
                    var token = violators.get(entry.getKey());
                    return new EmulatorSnapshot.RateLimitViolations(
                            token.id(),
                            token.masked(),
                            token.kind().name().toLowerCase(Locale.ROOT),
                            token.ownerId(),
                            entry.getValue().sum());
                })
                .sorted(Comparator.comparing(EmulatorSnapshot.RateLimitViolations::tokenId))
                .toList();
        return new EmulatorSnapshot.Stats(callCounts, errorCounts, violationList);
    }

    void clear() {
        calls.clear();
        errors.clear();
        violations.clear();
        violators.clear();
    }
}
