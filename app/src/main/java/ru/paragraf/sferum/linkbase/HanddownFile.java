package ru.paragraf.sferum.linkbase;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a hand-down file: CSV in UTF-8 (a byte order mark is tolerated), values separated by semicolons or commas
 * (whichever the first line uses), columns: organization code, community id, token and, optionally, the messenger
 * ({@code VK} when left out; a {@code MAX} row leaves the community id empty and gives the bot token). A first line
 * without any digit is a header and skipped; blank lines are skipped.
 */
final class HanddownFile {

    static final int COLUMNS = 4;

    private HanddownFile() {}

    /** A line of the file: its number and its values, stripped of surrounding spaces. */
    record Line(int number, List<String> values) {

        String value(int index) {
            return index < values.size() ? values.get(index) : "";
        }

        /** The values up to the last non-empty one: trailing separators, as spreadsheets write them, do not count. */
        int filledCount() {
            int count = values.size();
            while (count > 0 && values.get(count - 1).isEmpty()) {
                count--;
            }
            return count;
        }

        @Override
        public String toString() {
            return "Line[" + number + "]";
        }
    }

    /** The lines, or what makes the whole file unreadable ({@code linkbase.file.<problem>}). */
    record Read(List<Line> lines, @Nullable String problem, List<Object> arguments) {

        static Read failed(String problem, Object... arguments) {
            return new Read(List.of(), problem, List.of(arguments));
        }
    }

    static Read read(byte[] bytes, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Read.failed("notUtf8");
        }
        if (text.indexOf('\u0000') >= 0) {
            // no CSV that a spreadsheet saves holds NUL, and PostgreSQL text cannot hold it either
            return Read.failed("binary");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        var delimiter = firstLine.contains(";") ? ';' : ',';
        var format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        var lines = new ArrayList<Line>();
        try (var parser = format.parse(new StringReader(text))) {
            long lastLine = 0;
            boolean first = true;
            var records = parser.iterator();
            while (records.hasNext()) {
                int number = (int) lastLine + 1;
                CSVRecord record = records.next();
                lastLine = parser.getCurrentLineNumber();
                var values = record.stream().map(String::strip).toList();
                if (values.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (first) {
                    first = false;
                    if (isHeader(values)) {
                        continue;
                    }
                }
                lines.add(new Line(number, values));
                if (lines.size() > maxRows) {
                    return Read.failed("tooManyRows", String.valueOf(maxRows));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Read.failed("csvSyntax");
        }
        if (lines.isEmpty()) {
            return Read.failed("noRows");
        }
        return new Read(List.copyOf(lines), null, List.of());
    }

    /** Header names are words; every data line has digits (the organization code, the community id). */
    private static boolean isHeader(List<String> values) {
        return values.stream().noneMatch(value -> value.chars().anyMatch(Character::isDigit));
    }
}
