package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The city's hand-down file (/linkbase/import): whatever the file holds, the operator gets a preview or a Russian
 * message on the form; an unreadable file stores nothing, and no upload touches the stored credentials. The preview
 * shows the file's values escaped, and its CSV report neutralises spreadsheet formulas.
 */
class HanddownFuzzTests {

    /** Preview rows are verified in the background, so only which previews and rows exist is compared. */
    static final String[] TABLES = {
        "linkbase.sferum_community",
        "select id from linkbase.handdown",
        "select handdown_id, line from linkbase.handdown_row"
    };

    final FuzzWorld world = FuzzWorld.get();

    @Property(tries = 800)
    void uploadsGetAPreviewOrARussianMessage(@ForAll("files") byte[] file) {
        var property = "POST /linkbase/import (CSV upload)";
        var before = Tables.snapshot(world.jdbc, TABLES);
        var communities = Tables.snapshot(world.jdbc, "linkbase.sferum_community");

        var answer = Requests.send(
                        world.mvc,
                        property,
                        multipart("/linkbase/import")
                                .file(new MockMultipartFile("file", "ссылки.csv", "text/csv", file))
                                .with(world.as("city"))
                                .with(csrf()))
                .hasNoServerError()
                .showsNoInternals();

        if (!answer.isRedirect()) {
            answer.showsRussianMessageIn("id=\"linkbase-import-error\"");
            Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
            return;
        }
        assertThat(Tables.snapshot(world.jdbc, "linkbase.sferum_community")).isEqualTo(communities);
        var preview = Requests.send(
                        world.mvc,
                        "GET /linkbase/import/{id} (preview)",
                        get(answer.location()).with(world.as("city")))
                .hasNoServerError()
                .showsNoInternals();
        var values = new String(file, StandardCharsets.UTF_8);
        for (var markup : Hostile.HTML) {
            if (values.contains(markup)) {
                preview.escapes(markup);
            }
        }
        var report = Requests.send(
                        world.mvc,
                        "GET /linkbase/import/{id}/report.csv",
                        get(answer.location() + "/report.csv").with(world.as("city")))
                .hasNoServerError();
        CsvCells.assertNoFormulas(report.body(), ';');
    }

    @AfterContainer
    static void report() {
        FuzzFigures.write();
    }

    @Provide
    Arbitrary<byte[]> files() {
        var cell = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("A-001", "B-002", "C-003", "227100011", "Z-999")),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withCharRange('!', '~')
                                .ofMinLength(20)
                                .ofMaxLength(80)
                                .map(token -> "vk1.a." + token)),
                net.jqwik.api.Tuple.of(4, Hostile.text()));
        var line = Combinators.combine(
                        cell.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(';', ','), Arbitraries.of(true, false))
                .as((cells, delimiter, quoted) -> String.join(
                        String.valueOf(delimiter),
                        cells.stream()
                                .map(c -> quoted ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                                .toList()));
        var text = Combinators.combine(
                        Arbitraries.of("", "\uFEFF", "код;id;токен\n", "\uFEFForganization,community,token\r\n"),
                        line.list().ofMinSize(0).ofMaxSize(8),
                        Arbitraries.of("\n", "\r\n", "\r"))
                .as((head, lines, newline) -> head + String.join(newline, lines))
                .map(content -> content.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, text),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.just("A-001;227100011;vk1.a.token-in-windows-1251-кодировке")
                                .map(legacy -> legacy.getBytes(java.nio.charset.Charset.forName("windows-1251")))));
    }
}
