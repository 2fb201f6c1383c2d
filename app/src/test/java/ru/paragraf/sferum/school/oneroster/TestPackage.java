package ru.paragraf.sferum.school.oneroster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ClassPathResource;

/** A OneRoster package built in a test: the small valid school of src/test/resources/oneroster/valid, edited. */
final class TestPackage {

    static final List<String> FILES = List.of(
            "manifest.csv",
            "orgs.csv",
            "academicSessions.csv",
            "courses.csv",
            "classes.csv",
            "users.csv",
            "roles.csv",
            "enrollments.csv");

    private final Map<String, String> files = new LinkedHashMap<>();

    static TestPackage valid() {
        var result = new TestPackage();
        for (var file : FILES) {
            try {
                var content =
                        new ClassPathResource("oneroster/valid/" + file).getContentAsString(StandardCharsets.UTF_8);
                result.files.put(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /** The header lines only: a package that changes nothing, to be filled by {@link #append}. */
    static TestPackage headersOnly() {
        var result = valid();
        result.files.replaceAll((file, content) ->
                file.equals("manifest.csv") ? content : content.substring(0, content.indexOf('\n') + 1));
        return result;
    }

    TestPackage with(String file, String content) {
        files.put(file, content);
        return this;
    }

    TestPackage without(String file) {
        files.remove(file);
        return this;
    }

    TestPackage replace(String file, String from, String to) {
        var content = files.get(file);
        if (!content.contains(from)) {
            throw new IllegalArgumentException(file + " has no " + from);
        }
        files.put(file, content.replace(from, to));
        return this;
    }

    /** Leaves out the rows of a file with these sourcedIds (the first column). */
    TestPackage withoutRows(String file, String... sourcedIds) {
        var ids = List.of(sourcedIds);
        var kept = new StringBuilder();
        files.get(file)
                .lines()
                .filter(line -> !ids.contains(line.substring(0, line.indexOf(','))))
                .forEach(line -> kept.append(line).append('\n'));
        files.put(file, kept.toString());
        return this;
    }

    /** Adds rows at the end of a file; {@link #lineCount} then tells the line number of the last one. */
    TestPackage append(String file, String... rows) {
        var content = new StringBuilder(files.get(file));
        for (var row : rows) {
            content.append(row).append('\n');
        }
        files.put(file, content.toString());
        return this;
    }

    int lineCount(String file) {
        return (int) files.get(file).lines().count();
    }

    String content(String file) {
        return files.get(file);
    }

    byte[] zip() {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
