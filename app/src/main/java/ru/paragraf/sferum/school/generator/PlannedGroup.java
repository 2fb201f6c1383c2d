package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A study group being generated: a half of a class, or a club or elective across classes (no class then). */
final class PlannedGroup {

    final UUID id;
    final String title;
    final @Nullable PlannedClass schoolClass;
    final List<PlannedPupil> members = new ArrayList<>();

    PlannedGroup(UUID id, String title, @Nullable PlannedClass schoolClass) {
        this.id = id;
        this.title = title;
        this.schoolClass = schoolClass;
    }
}
