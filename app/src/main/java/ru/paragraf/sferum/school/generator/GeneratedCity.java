package ru.paragraf.sferum.school.generator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a generator run wrote: rows per table of the school schema, and per school the ids that demos log in as.
 *
 * @param rows inserted rows per table, in the order the tables were written
 * @param elapsed how long the run took, database included
 */
public record GeneratedCity(
        long seed,
        UUID academicYearId,
        LocalDate weekStart,
        List<GeneratedDistrict> districts,
        List<GeneratedSchool> schools,
        Map<String, Long> rows,
        Duration elapsed) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }
}
