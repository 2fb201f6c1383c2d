package ru.paragraf.sferum.school.oneroster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one row, reporting each bad value; {@link #valid()} tells whether the row may be used. The
 * common columns follow the CSV binding: in a bulk file status and dateLastModified may be empty, in a delta file
 * they are required; {@code tobedeleted} is reported as not supported, since the import never deletes.
 */
final class Fields {

    private final CsvRow row;
    private final Problems problems;
    private final String sourcedId;
    private boolean valid = true;

    Fields(CsvRow row, Problems problems, boolean delta) {
        this.row = row;
        this.problems = problems;
        this.sourcedId = required("sourcedId");
        checkStatus(delta);
        checkDateLastModified(delta);
    }

    String sourcedId() {
        return sourcedId;
    }

    String required(String column) {
        if (!row.has(column)) {
            invalid(column, "required");
        }
        return row.get(column);
    }

    String optional(String column) {
        return row.get(column);
    }

    /** A comma-separated list, as the binding writes multi-valued fields. */
    List<String> list(String column) {
        return Arrays.stream(row.get(column).split(","))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    @Nullable
    LocalDate date(String column) {
        if (!row.has(column)) {
            return null;
        }
        try {
            return LocalDate.parse(row.get(column));
        } catch (DateTimeParseException e) {
            invalid(column, "date");
            return null;
        }
    }

    boolean bool(String column) {
        var value = row.get(column);
        if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
            invalid(column, "enumValue", "true, false");
        }
        return value.equals("true");
    }

    /** A value of a closed vocabulary, or empty when it is not one of them (reported). */
    String oneOf(String column, List<String> allowed) {
        var value = required(column);
        if (!value.isEmpty() && !allowed.contains(value)) {
            invalid(column, "enumValue", String.join(", ", allowed));
            return "";
        }
        return value;
    }

    void invalid(String column, String code, Object... args) {
        problems.at(row, column, code, args);
        valid = false;
    }

    boolean valid() {
        return valid;
    }

    CsvRow row() {
        return row;
    }

    private void checkStatus(boolean delta) {
        var status = row.get("status");
        if (status.isEmpty()) {
            if (delta) {
                invalid("status", "requiredInDelta");
            }
        } else if (status.equals("tobedeleted")) {
            invalid("status", "deleteUnsupported");
        } else if (!status.equals("active")) {
            invalid("status", "enumValue", "active, tobedeleted");
        }
    }

    private void checkDateLastModified(boolean delta) {
        var value = row.get("dateLastModified");
        if (value.isEmpty()) {
            if (delta) {
                invalid("dateLastModified", "requiredInDelta");
            }
            return;
        }
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            invalid("dateLastModified", "dateTime");
        }
    }
}
