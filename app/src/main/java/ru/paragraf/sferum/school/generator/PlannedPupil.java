package ru.paragraf.sferum.school.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A pupil being generated, with the parents of the family and the afternoon slots already taken. */
final class PlannedPupil {

    final UUID id;
    final PersonName name;
    final LocalDate birthDate;
    final PlannedClass schoolClass;
    final List<PlannedParent> parents = new ArrayList<>();
    long busy;

    PlannedPupil(UUID id, PersonName name, LocalDate birthDate, PlannedClass schoolClass) {
        this.id = id;
        this.name = name;
        this.birthDate = birthDate;
        this.schoolClass = schoolClass;
    }
}
