package ru.paragraf.sferum.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fuzz suite's figures, per property and in total: generated cases, answers with HTTP 5xx, refusals, and
 * refusals that still changed the database. Printed and written to {@code target/reliability/fuzz-report.txt} after
 * every fuzz class, so the file always holds everything run so far in this JVM.
 */
final class FuzzFigures {

    static final Path REPORT = Path.of("target", "reliability", "fuzz-report.txt");

    private static final Map<String, long[]> figures = new TreeMap<>();

    private FuzzFigures() {}

    /** One generated case of a property and the status it was answered with. */
    static synchronized void answered(String property, int status) {
        var counts = figures.computeIfAbsent(property, key -> new long[4]);
        counts[0]++;
        if (status >= 500) {
            counts[1]++;
        }
    }

    /** The last case of the property was refused. */
    static synchronized void refused(String property) {
        figures.computeIfAbsent(property, key -> new long[4])[2]++;
    }

    /** A refused case after which the compared tables were not as before. */
    static synchronized void partialWrite(String property) {
        figures.computeIfAbsent(property, key -> new long[4])[3]++;
    }

    static synchronized String report() {
        var text = new StringBuilder("Fuzz suite (jqwik): generated cases per property\n");
        text.append("%-52s %8s %6s %9s %14s%n".formatted("property", "cases", "5xx", "refusals", "partial writes"));
        var total = new long[4];
        figures.forEach((property, counts) -> {
            text.append("%-52s %8d %6d %9d %14d%n".formatted(property, counts[0], counts[1], counts[2], counts[3]));
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        });
        text.append("%-52s %8d %6d %9d %14d%n".formatted("TOTAL", total[0], total[1], total[2], total[3]));
        return text.toString();
    }

    /** Prints the figures so far and writes them to the report file. */
    static synchronized void write() {
        var text = report();
        System.out.print(text);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
