package ru.paragraf.sferum.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ClassPathResource;

/**
 * The OneRoster test package (src/test/resources/oneroster/valid) with a third teacher, Новикова, for the roster
 * change of {@link RosterChangeCrashTests}; moved, Алексеев and Васильева are in 7Б (class and Алгебра) and Новикова
 * teaches Алгебра 7А instead of Иванова.
 */
final class RosterZip {

    private static final String T = "2026-08-20T10:00:00.000Z";
    private static final List<String> FILES = List.of(
            "manifest.csv",
            "orgs.csv",
            "academicSessions.csv",
            "courses.csv",
            "classes.csv",
            "users.csv",
            "roles.csv",
            "enrollments.csv");

    private RosterZip() {}

    static byte[] of(boolean moved) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : FILES) {
                zip.putNextEntry(new ZipEntry(file));
                zip.write(content(file, moved).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String content(String file, boolean moved) throws IOException {
        var content = new ClassPathResource("oneroster/valid/" + file).getContentAsString(StandardCharsets.UTF_8);
        return switch (file) {
            case "users.csv" -> content + "u-t3,active," + T + ",true,novikova,,Анна,Новикова,Игоревна,,,,,,,,\n";
            case "roles.csv" -> content + "r-t3,active," + T + ",u-t3,primary,teacher,,,s-101,\n";
            case "enrollments.csv" -> moved ? moved(content) : content;
            default -> content;
        };
    }

    private static String moved(String enrollments) {
        return replace(
                replace(
                        replace(
                                replace(
                                        replace(
                                                enrollments,
                                                "e-04,active," + T + ",k-7a",
                                                "e-04,active," + T + ",k-7b"),
                                        "e-05,active," + T + ",k-7a",
                                        "e-05,active," + T + ",k-7b"),
                                "e-10,active," + T + ",j-alg-7a",
                                "e-10,active," + T + ",j-alg-7b"),
                        "e-11,active," + T + ",j-alg-7a",
                        "e-11,active," + T + ",j-alg-7b"),
                "e-08,active," + T + ",j-alg-7a,s-101,u-t1",
                "e-08,active," + T + ",j-alg-7a,s-101,u-t3");
    }

    private static String replace(String content, String from, String to) {
        if (!content.contains(from)) {
            throw new IllegalArgumentException("The package has no " + from);
        }
        return content.replace(from, to);
    }
}
