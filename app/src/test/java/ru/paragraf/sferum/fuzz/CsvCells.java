package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;

/** The cells of a CSV export, checked the way a spreadsheet would open them. */
final class CsvCells {

    private CsvCells() {}

    /** No cell starts with what Excel or LibreOffice evaluates as a formula (OWASP CSV injection). */
    static void assertNoFormulas(String csv, char delimiter) {
        var text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (var parser =
                CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            for (var record : parser) {
                for (var cell : record) {
                    assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
                            .as("CSV cell a spreadsheet evaluates: %s", cell)
                            .isTrue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
