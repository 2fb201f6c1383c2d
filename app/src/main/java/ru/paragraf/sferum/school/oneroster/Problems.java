package ru.paragraf.sferum.school.oneroster;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects every problem of a package, in the order found; nothing stops at the first. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void add(Problem problem) {
        found.add(problem);
    }

    void at(CsvRow row, @Nullable String column, String code, Object... args) {
        found.add(Problem.at(row, column, code, args));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(found);
    }
}
