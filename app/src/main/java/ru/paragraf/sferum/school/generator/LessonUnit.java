package ru.paragraf.sferum.school.generator;

import java.util.List;

/**
 * One subject of a class's week to place into slots: a class journal, or the two journals of the class's halves
 * that always meet at the same time.
 */
final class LessonUnit {

    final PlannedClass schoolClass;
    final List<PlannedJournal> journals;
    final boolean curriculum;
    final boolean mondayFirst;
    final int lastPeriod;
    final int tieBreak;
    int remaining;
    int days;

    LessonUnit(
            PlannedClass schoolClass,
            List<PlannedJournal> journals,
            boolean curriculum,
            boolean mondayFirst,
            int lastPeriod,
            int tieBreak) {
        this.schoolClass = schoolClass;
        this.journals = journals;
        this.curriculum = curriculum;
        this.mondayFirst = mondayFirst;
        this.lastPeriod = lastPeriod;
        this.tieBreak = tieBreak;
        this.remaining = journals.get(0).hours;
    }

    boolean isOn(int day) {
        return (days & (1 << day)) != 0;
    }

    boolean teachersFree(int slot) {
        long bit = BellSchedule.bit(slot);
        return journals.stream().allMatch(journal -> journal.teacher().isFree(bit));
    }

    /** The heaviest weekly load among the unit's teachers: busy teachers are hardest to fit, so they go first. */
    int teacherLoad() {
        return journals.stream()
                .mapToInt(journal -> journal.teacher().load)
                .max()
                .orElse(0);
    }

    void place(int slot) {
        journals.forEach(journal -> journal.book(slot));
        schoolClass.busy |= BellSchedule.bit(slot);
        schoolClass.lessonsOnDay[BellSchedule.day(slot)]++;
        schoolClass.unitAt[slot] = this;
        days |= 1 << BellSchedule.day(slot);
        remaining--;
    }

    /** Moves one of the unit's lessons to another slot of the same class. */
    void move(int from, int to) {
        journals.forEach(journal -> journal.unbook(from));
        schoolClass.busy &= ~BellSchedule.bit(from);
        schoolClass.lessonsOnDay[BellSchedule.day(from)]--;
        schoolClass.unitAt[from] = null;
        days = 0;
        for (int slot : journals.get(0).slots) {
            days |= 1 << BellSchedule.day(slot);
        }
        remaining++;
        place(to);
    }
}
