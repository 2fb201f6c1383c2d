package ru.paragraf.sferum.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the real-HTTP fuzz properties: requests per class of malformation and their answers by status, and
 * the server's log lines above INFO. Written to {@code target/reliability/malformed-http-report.txt}, beside the
 * MockMvc properties' {@link FuzzFigures}.
 */
final class MalformedFigures {

    static final Path REPORT = Path.of("target", "reliability", "malformed-http-report.txt");

    private static final Map<String, Map<Integer, Long>> statuses = new TreeMap<>();

    private MalformedFigures() {}

    static synchronized void answered(String property, int status) {
        statuses.computeIfAbsent(property, key -> new TreeMap<>()).merge(status, 1L, Long::sum);
    }

    static synchronized String report(ServerLog log) {
        var text = new StringBuilder("Malformed requests over real HTTP (jqwik): requests per class and answers\n");
        text.append("%-44s %8s %5s  %s%n".formatted("class", "requests", "5xx", "answers by status"));
        long requests = 0, serverErrors = 0;
        for (var entry : statuses.entrySet()) {
            long count = entry.getValue().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long fives = entry.getValue().entrySet().stream()
                    .filter(status -> status.getKey() >= 500)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            text.append("%-44s %8d %5d  %s%n".formatted(entry.getKey(), count, fives, entry.getValue()));
            requests += count;
            serverErrors += fives;
        }
        text.append("%-44s %8d %5d%n".formatted("TOTAL", requests, serverErrors));
        text.append("server log lines while answering: ERROR %d, WARN %d (of %d events of its request threads)%n"
                .formatted(log.errors().size(), log.warnings().size(), log.seen()));
        log.errors().forEach(line -> text.append("  ").append(line).append('\n'));
        log.warnings().forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString();
    }

    static synchronized void write(ServerLog log) {
        var text = report(log);
        System.out.print(text);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
