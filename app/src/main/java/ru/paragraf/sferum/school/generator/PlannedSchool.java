package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One generated school in memory, ready to be written: everything in it and the people demos log in as. */
final class PlannedSchool {

    final UUID id;
    final UUID districtId;
    final String code;
    final String shortName;
    final String fullName;
    final List<PlannedClass> classes = new ArrayList<>();
    final List<PlannedTeacher> staff = new ArrayList<>();
    final List<PlannedParent> parents = new ArrayList<>();
    final List<PlannedGroup> groups = new ArrayList<>();
    final List<PlannedJournal> journals = new ArrayList<>();
    final List<PlannedTeacher> featuredTeachers = new ArrayList<>();

    @Nullable
    PlannedTeacher admin;

    @Nullable
    PlannedPupil featuredPupil;

    PlannedSchool(UUID id, UUID districtId, String code, String shortName, String fullName) {
        this.id = id;
        this.districtId = districtId;
        this.code = code;
        this.shortName = shortName;
        this.fullName = fullName;
    }

    GeneratedSchool summary() {
        var pupil = Objects.requireNonNull(featuredPupil);
        return new GeneratedSchool(
                id,
                districtId,
                code,
                shortName,
                Objects.requireNonNull(admin).id,
                featuredTeachers.stream().map(teacher -> teacher.id).toList(),
                pupil.id,
                pupil.parents.get(0).id());
    }
}
