package ru.paragraf.sferum.school.oneroster;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something wrong with the package, found before anything is written. {@code line} is 0 for a problem of a whole
 * file; {@code code} names the message {@code oneroster.problem.<code>} and {@code args} are its arguments.
 */
record Problem(String file, int line, @Nullable String column, @Nullable String value, String code, List<Object> args) {

    static Problem ofFile(String file, String code, Object... args) {
        return new Problem(file, 0, null, null, code, List.of(args));
    }

    static Problem ofColumn(String file, String column, String code, Object... args) {
        return new Problem(file, 0, column, null, code, List.of(args));
    }

    static Problem at(CsvRow row, @Nullable String column, String code, Object... args) {
        var value = column == null ? null : row.get(column);
        return new Problem(row.file(), row.line(), column, value, code, List.of(args));
    }
}
