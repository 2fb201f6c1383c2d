package ru.paragraf.vkemulator;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of VK API calls per method, errors per method and code, requests each token made within its rate limit,
 * and rate-limit violations per token.
 */
final class Stats {

    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, LongAdder>> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> violations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Token> violators = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> accepted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Token> callers = new ConcurrentHashMap<>();

    void call(String method) {
        calls.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    void error(String method, int code) {
        errors.computeIfAbsent(method, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> new LongAdder())
                .increment();
    }

    /** A request of {@code token} that its rate limit let through (whatever its answer). */
    void accepted(Token token) {
        callers.putIfAbsent(token.id(), token);
        accepted.computeIfAbsent(token.id(), id -> new LongAdder()).increment();
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
        var acceptedList = accepted.entrySet().stream()
                .map(entry -> {
                    var token = callers.get(entry.getKey());
                    return new EmulatorSnapshot.TokenRequests(
                            token.id(),
                            token.masked(),
                            token.kind().name().toLowerCase(Locale.ROOT),
                            token.ownerId(),
                            entry.getValue().sum());
                })
                .sorted(Comparator.comparing(EmulatorSnapshot.TokenRequests::tokenId))
                .toList();
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
        return new EmulatorSnapshot.Stats(callCounts, errorCounts, acceptedList, violationList);
    }

    void clear() {
        calls.clear();
        errors.clear();
        violations.clear();
        violators.clear();
        accepted.clear();
        callers.clear();
    }
}
