package ru.paragraf.sferum.school.oneroster;

import java.util.Map;

/** One data row of a CSV file; {@code line} is where the row starts in the file, the header being line 1. */
record CsvRow(String file, int line, Map<String, String> values) {

    /** The value of a column, trimmed; empty when the column or the value is missing. */
    String get(String column) {
        var value = values.get(column);
        return value == null ? "" : value.strip();
    }

    boolean has(String column) {
        return !get(column).isEmpty();
    }
}
