package ru.paragraf.sferum.diary;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.school.PupilSummary;

/**
 * A parent's children and the one a diary page shows: the asked-for child, or the first. A child of another
 * family is not among the parent's children and is not found (404), whatever id is typed.
 */
record ChildChoice(List<PupilSummary> children, @Nullable PupilSummary selected) {

    static ChildChoice of(List<PupilSummary> children, @Nullable UUID child) {
        if (children.isEmpty()) {
            return new ChildChoice(children, null);
        }
        var selected = children.stream()
                .filter(it -> child == null || it.id().equals(child))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new ChildChoice(children, selected);
    }
}
