package ru.paragraf.sferum.school.oneroster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file of the package: UTF-8 (a byte order mark is tolerated), RFC 4180, a header row first. A file
 * that cannot be read as a table (bad encoding, broken quoting, bad header) yields problems and no table; a row
 * with the wrong number of fields yields a problem and is left out.
 */
final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvReader() {}

    static Optional<CsvTable> read(
            String file, byte[] bytes, List<String> requiredColumns, Predicate<String> known, Problems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.ofFile(file, "notUtf8"));
            return Optional.empty();
        }
        if (text.indexOf('\u0000') >= 0) {
            // no spreadsheet saves NUL into CSV, and PostgreSQL text cannot hold it
            problems.add(Problem.ofFile(file, "binary"));
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (var parser = FORMAT.parse(new StringReader(text))) {
            return readTable(file, parser, requiredColumns, known, problems);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<CsvTable> readTable(
            String file, CSVParser parser, List<String> requiredColumns, Predicate<String> known, Problems problems) {
        var rows = new ArrayList<CsvRow>();
        List<String> header = null;
        long lastLine = 0;
        var records = parser.iterator();
        while (true) {
            int line = (int) lastLine + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                problems.add(new Problem(file, line, null, null, "csvSyntax", List.of()));
                return Optional.empty();
            }
            lastLine = parser.getCurrentLineNumber();
            if (header == null) {
                header = record.stream().map(String::strip).toList();
                if (!headerIsValid(file, header, requiredColumns, known, problems)) {
                    return Optional.empty();
                }
            } else if (!isBlank(record)) {
                toRow(file, line, header, record, problems).ifPresent(rows::add);
            }
        }
        if (header == null) {
            problems.add(Problem.ofFile(file, "emptyFile"));
            return Optional.empty();
        }
        return Optional.of(new CsvTable(file, header, List.copyOf(rows)));
    }

    private static boolean headerIsValid(
            String file,
            List<String> header,
            List<String> requiredColumns,
            Predicate<String> known,
            Problems problems) {
        if (header.size() == 1 && header.get(0).contains(";")) {
            problems.add(Problem.ofFile(file, "semicolons"));
            return false;
        }
        var valid = true;
        var seen = new HashSet<String>();
        for (var column : header) {
            if (!seen.add(column)) {
                problems.add(Problem.ofColumn(file, column, "duplicateColumn"));
                valid = false;
            } else if (!known.test(column)) {
                problems.add(Problem.ofColumn(file, column, "unknownColumn"));
                valid = false;
            }
        }
        for (var column : requiredColumns) {
            if (!seen.contains(column)) {
                problems.add(Problem.ofColumn(file, column, "missingColumn"));
                valid = false;
            }
        }
        return valid;
    }

    private static Optional<CsvRow> toRow(
            String file, int line, List<String> header, CSVRecord record, Problems problems) {
        if (record.size() != header.size()) {
            problems.add(new Problem(file, line, null, null, "fieldCount", List.of(record.size(), header.size())));
            return Optional.empty();
        }
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        return Optional.of(new CsvRow(file, line, values));
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }
}
