package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A class being generated: its pupils, its two halves, its homeroom teacher and the week's lessons to place. */
final class PlannedClass {

    final UUID id;
    final int grade;
    final String letter;
    final List<PlannedPupil> pupils = new ArrayList<>();
    final List<PlannedGroup> halves = new ArrayList<>();
    final List<LessonUnit> units = new ArrayList<>();
    final int[] lessonsOnDay = new int[BellSchedule.DAYS];
    final @Nullable LessonUnit[] unitAt = new LessonUnit[BellSchedule.DAYS * BellSchedule.PERIODS];

    @Nullable
    PlannedTeacher homeroom;

    long busy;

    PlannedClass(UUID id, int grade, String letter) {
        this.id = id;
        this.grade = grade;
        this.letter = letter;
    }

    String title() {
        return grade + letter;
    }

    boolean isFree(int slot) {
        return (busy & BellSchedule.bit(slot)) == 0;
    }

    int remainingHours() {
        return units.stream().mapToInt(unit -> unit.remaining).sum();
    }
}
