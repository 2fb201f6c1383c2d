package ru.paragraf.sferum.linkbase;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;

/**
 * The report of a hand-down preview as CSV for Excel: UTF-8 with a byte order mark, semicolons, one line per row of
 * the file with its result. Tokens appear masked only. Cells that a spreadsheet would take for a formula (starting
 * with {@code = + - @}, a tab or a carriage return) get a leading apostrophe, so a file from outside cannot smuggle a
 * formula into the operator's spreadsheet.
 */
final class HanddownReport {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setDelimiter(';').get();

    private HanddownReport() {}

    static String csv(HanddownView view, LinkbaseTexts texts) {
        var out = new StringWriter();
        out.write('\uFEFF');
        try (var printer = FORMAT.print(out)) {
            printer.printRecord(
                    texts.get("linkbase.report.line"),
                    texts.get("linkbase.report.code"),
                    texts.get("linkbase.report.organization"),
                    texts.get("linkbase.report.messenger"),
                    texts.get("linkbase.report.communityId"),
                    texts.get("linkbase.report.token"),
                    texts.get("linkbase.report.result"),
                    texts.get("linkbase.report.message"));
            for (var row : view.rows()) {
                printer.printRecord(
                        String.valueOf(row.line()),
                        cell(row.organizationCode()),
                        cell(row.organizationName()),
                        cell(row.messenger()),
                        cell(row.communityId()),
                        cell(row.tokenMasked()),
                        cell(row.result()),
                        cell(row.message() != null ? row.message() : row.communityName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The value, made inert for spreadsheets. */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
