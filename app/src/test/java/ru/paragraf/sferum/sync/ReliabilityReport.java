package ru.paragraf.sferum.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a reliability test's figures to target/reliability (quoted by docs/reliability.md) and prints them. */
final class ReliabilityReport {

    private ReliabilityReport() {}

    static void write(String file, List<String> lines) throws IOException {
        Files.createDirectories(Path.of("target", "reliability"));
        Files.write(Path.of("target", "reliability", file), lines);
        lines.forEach(System.out::println);
    }
}
