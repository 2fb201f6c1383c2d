package ru.paragraf.sferum.school.generator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/** Reads a UTF-8 resource of the generator: one record a line, fields split by '|', '#' starts a comment line. */
final class ResourceLines {

    private static final String FOLDER = "school/generator/";

    private ResourceLines() {}

    static List<List<String>> read(String file) {
        var resource = new ClassPathResource(FOLDER + file);
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> Arrays.stream(line.split("\\|", -1))
                            .map(String::strip)
                            .toList())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read generator resource " + FOLDER + file, e);
        }
    }
}
