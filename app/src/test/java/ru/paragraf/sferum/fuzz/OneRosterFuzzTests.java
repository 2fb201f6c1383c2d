package ru.paragraf.sferum.fuzz;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;

/**
 * OneRoster CSV packages (module school.oneroster), from the API and the import page: the small valid school of the
 * test resources with one cell replaced by hostile text, a row broken, or bytes that are no ZIP. All or nothing: a
 * rejected package leaves every school table as it was.
 */
class OneRosterFuzzTests {

    static final String[] TABLES = {
        "school.district", "school.organization", "school.employee", "school.pupil", "school.parent",
        "school.class_unit", "school.subject", "school.journal", "school.academic_year", "school.study_group"
    };
    static final List<String> FILES = List.of(
            "manifest.csv",
            "orgs.csv",
            "academicSessions.csv",
            "courses.csv",
            "classes.csv",
            "users.csv",
            "roles.csv",
            "enrollments.csv");

    final FuzzWorld world = FuzzWorld.get();

    @Property(tries = 700)
    void apiImportsOrRejectsWithProblemDetails(@ForAll("packages") byte[] zip) {
        var property = "POST /api/import/oneroster";
        var before = Tables.snapshot(world.jdbc, TABLES);

        var answer = Requests.send(
                        world.mvc,
                        property,
                        multipart("/api/import/oneroster")
                                .file(new MockMultipartFile("file", "roster.zip", "application/zip", zip))
                                .with(world.as("city")))
                .hasNoServerError();

        if (answer.status() == 200) {
            answer.showsNoInternals();
            return;
        }
        answer.isProblemWithDetail();
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 250)
    void importPageReportsInRussianAndEscapes(@ForAll("mutations") Mutation mutation) {
        var property = "POST /import/oneroster (page)";
        var before = Tables.snapshot(world.jdbc, TABLES);

        var answer = Requests.send(
                        world.mvc,
                        property,
                        multipart("/import/oneroster")
                                .file(new MockMultipartFile("file", "roster.zip", "application/zip", mutation.zip()))
                                .with(world.as("city"))
                                .with(csrf()))
                .hasNoServerError()
                .showsNoInternals()
                .escapes(mutation.value());

        if (answer.body().contains("id=\"oneroster-error\"")) {
            answer.showsRussianMessageIn("id=\"oneroster-error\"");
            Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
        }
    }

    @AfterContainer
    static void report() {
        FuzzFigures.write();
    }

    /** The valid package with one change: {@code value} written into a cell, or a structural break. */
    record Mutation(String file, int row, int column, String value, String kind) {

        byte[] zip() {
            var files = valid();
            var lines = new ArrayList<>(files.get(file).lines().toList());
            int at = Math.min(row, lines.size() - 1);
            var cells = new ArrayList<>(List.of(lines.get(at).split(",", -1)));
            int col = Math.min(column, cells.size() - 1);
            switch (kind) {
                case "cell" -> cells.set(col, "\"" + value.replace("\"", "\"\"") + "\"");
                case "raw" -> cells.set(col, value);
                case "dropColumn" -> cells.remove(col);
                case "extraColumn" -> cells.add(value);
                default -> {}
            }
            lines.set(at, String.join(",", cells));
            if (kind.equals("dropFile")) {
                files.remove(file);
            } else {
                files.put(file, String.join("\n", lines) + "\n");
            }
            return zipOf(files);
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                        Arbitraries.of(FILES),
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 16),
                        Hostile.text(),
                        Arbitraries.frequency(
                                net.jqwik.api.Tuple.of(8, "cell"),
                                net.jqwik.api.Tuple.of(2, "raw"),
                                net.jqwik.api.Tuple.of(1, "dropColumn"),
                                net.jqwik.api.Tuple.of(1, "extraColumn"),
                                net.jqwik.api.Tuple.of(1, "dropFile")))
                .as(Mutation::new);
    }

    @Provide
    Arbitrary<byte[]> packages() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, mutations().map(Mutation::zip)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(400)),
                net.jqwik.api.Tuple.of(
                        1, mutations().map(Mutation::zip).map(zip -> java.util.Arrays.copyOf(zip, zip.length / 2))));
    }

    private static Map<String, String> valid() {
        var files = new LinkedHashMap<String, String>();
        for (var file : FILES) {
            try {
                files.put(
                        file,
                        new ClassPathResource("oneroster/valid/" + file).getContentAsString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static byte[] zipOf(Map<String, String> files) {
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
