package ru.paragraf.sferum.school.oneroster;

import java.util.List;

/** A CSV file of the package: its header and its data rows. */
record CsvTable(String file, List<String> header, List<CsvRow> rows) {

    boolean hasColumn(String column) {
        return header.contains(column);
    }
}
