package ru.paragraf.sferum.readiness;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the readiness table is sorted, from the query parameters {@code sort} (a column) and {@code dir}
 * ({@code asc} or {@code desc}). Sorting is stable, so rows equal in the column keep the order of district and code.
 */
record ReadinessOrder(ReadinessColumn column, boolean descending) {

    static ReadinessOrder of(@Nullable String sort, @Nullable String dir) {
        var column = ReadinessColumn.of(sort == null ? "" : sort).orElse(ReadinessColumn.DISTRICT);
        return new ReadinessOrder(column, "desc".equals(dir));
    }

    List<SchoolReadiness> sort(List<SchoolReadiness> schools) {
        var sorted = new ArrayList<>(schools);
        sorted.sort(descending ? column.order().reversed() : column.order());
        return sorted;
    }

    /** The direction a click on the column's header asks for: the other one on the sorted column, else ascending. */
    String nextDirection(ReadinessColumn candidate) {
        return candidate == column && !descending ? "desc" : "asc";
    }

    /** The value of the header's {@code aria-sort}. */
    String ariaSort(ReadinessColumn candidate) {
        if (candidate != column) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    String direction() {
        return descending ? "desc" : "asc";
    }
}
