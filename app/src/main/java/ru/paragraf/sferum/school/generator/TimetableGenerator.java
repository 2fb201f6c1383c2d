package ru.paragraf.sferum.school.generator;

import static ru.paragraf.sferum.school.generator.BellSchedule.DAYS;
import static ru.paragraf.sferum.school.generator.BellSchedule.LAST_CLASS_PERIOD;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Places the week's class lessons so that no class and no teacher is in two places at once. Curriculum lessons go
 * day by day and period by period, each class taking the most urgent subject whose teachers are free, spreading a
 * subject over the week and each class's lessons evenly over the days; extracurricular lessons follow the
 * day's last lesson. What cannot be placed that way is placed in any free period of the class, and when its
 * teacher is busy there the journal goes to a colleague of the same specialty, or to a newly hired one.
 */
final class TimetableGenerator {

    private final SchoolStaff staff;

    TimetableGenerator(SchoolStaff staff) {
        this.staff = staff;
    }

    void schedule(List<PlannedClass> classes) {
        for (var schoolClass : classes) {
            for (var unit : schoolClass.units) {
                if (unit.mondayFirst) {
                    placeOrRepair(unit, BellSchedule.slot(0, 1));
                }
            }
        }
        fillCurriculum(classes);
        for (var schoolClass : classes) {
            for (var unit : schoolClass.units) {
                while (unit.curriculum && unit.remaining > 0) {
                    repair(unit);
                }
            }
        }
        TimetablePolish.polish(classes);
        for (var schoolClass : classes) {
            for (var unit : schoolClass.units) {
                while (unit.remaining > 0) {
                    placeAfterLessons(unit);
                }
            }
        }
    }

    private void fillCurriculum(List<PlannedClass> classes) {
        int count = classes.size();
        var quota = new int[count];
        for (int day = 0; day < DAYS; day++) {
            for (int i = 0; i < count; i++) {
                var schoolClass = classes.get(i);
                int left = curriculumHoursLeft(schoolClass);
                quota[i] = schoolClass.lessonsOnDay[day] + (left + DAYS - day - 1) / (DAYS - day);
            }
            for (int period = 1; period <= LAST_CLASS_PERIOD; period++) {
                int slot = BellSchedule.slot(day, period);
                int offset = (day * LAST_CLASS_PERIOD + period) % count;
                for (int k = 0; k < count; k++) {
                    int i = (offset + k) % count;
                    var schoolClass = classes.get(i);
                    if (!schoolClass.isFree(slot) || schoolClass.lessonsOnDay[day] >= quota[i]) {
                        continue;
                    }
                    var unit = mostUrgent(schoolClass, day, period, slot);
                    if (unit != null) {
                        unit.place(slot);
                    }
                }
            }
        }
    }

    private static @Nullable LessonUnit mostUrgent(PlannedClass schoolClass, int day, int period, int slot) {
        LessonUnit best = null;
        int bestScore = Integer.MIN_VALUE;
        for (var unit : schoolClass.units) {
            if (!unit.curriculum || unit.remaining == 0 || period > unit.lastPeriod || !unit.teachersFree(slot)) {
                continue;
            }
            int score = (unit.isOn(day) ? 0 : 1000) + unit.remaining * 10 + unit.teacherLoad() + unit.tieBreak;
            if (score > bestScore) {
                best = unit;
                bestScore = score;
            }
        }
        return best;
    }

    private static int curriculumHoursLeft(PlannedClass schoolClass) {
        return schoolClass.units.stream()
                .filter(unit -> unit.curriculum)
                .mapToInt(unit -> unit.remaining)
                .sum();
    }

    private void placeOrRepair(LessonUnit unit, int slot) {
        if (unit.schoolClass.isFree(slot) && unit.teachersFree(slot)) {
            unit.place(slot);
        } else {
            repair(unit);
        }
    }

    /** Right after the class's last lesson of the least busy day where that period is free for everyone. */
    private void placeAfterLessons(LessonUnit unit) {
        var schoolClass = unit.schoolClass;
        for (int day : daysFor(unit)) {
            int period = schoolClass.lessonsOnDay[day] + 1;
            int slot = BellSchedule.slot(day, Math.min(period, BellSchedule.PERIODS));
            if (period <= unit.lastPeriod && schoolClass.isFree(slot) && unit.teachersFree(slot)) {
                unit.place(slot);
                return;
            }
        }
        repair(unit);
    }

    /**
     * Any free period of the class; or a period where the teachers are free but the class has a lesson that can
     * move to a free period of its own; or else a free period with the journal moved to another teacher.
     */
    private void repair(LessonUnit unit) {
        var slot = freeSlot(unit, true);
        if (slot == null) {
            slot = swapSlot(unit);
        }
        if (slot == null) {
            slot = freeSlot(unit, false);
            if (slot == null) {
                throw new IllegalStateException("No free period left in class " + unit.schoolClass.title() + " for "
                        + unit.journals.get(0).subject + ": the curriculum exceeds the week");
            }
            long bit = BellSchedule.bit(slot);
            for (var journal : unit.journals) {
                if (!journal.teacher().isFree(bit)) {
                    var specialty = journal.specialty();
                    var colleague =
                            staff.leastLoaded(specialty, journal.slotMask() | bit, journal.hours, journal.teacher());
                    journal.assignTo(colleague != null ? colleague : staff.hire(specialty));
                }
            }
        }
        unit.place(slot);
    }

    private static @Nullable Integer swapSlot(LessonUnit unit) {
        var schoolClass = unit.schoolClass;
        for (int day : daysFor(unit)) {
            for (int period = 1; period <= unit.lastPeriod; period++) {
                int slot = BellSchedule.slot(day, period);
                var other = schoolClass.unitAt[slot];
                if (other == null || other == unit || other.mondayFirst || !unit.teachersFree(slot)) {
                    continue;
                }
                for (int otherDay : daysFor(other)) {
                    for (int otherPeriod = 1; otherPeriod <= other.lastPeriod; otherPeriod++) {
                        int target = BellSchedule.slot(otherDay, otherPeriod);
                        if (schoolClass.isFree(target) && other.teachersFree(target)) {
                            other.move(slot, target);
                            return slot;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static @Nullable Integer freeSlot(LessonUnit unit, boolean teachersFree) {
        for (int day : daysFor(unit)) {
            for (int period = 1; period <= unit.lastPeriod; period++) {
                int slot = BellSchedule.slot(day, period);
                if (unit.schoolClass.isFree(slot) && (!teachersFree || unit.teachersFree(slot))) {
                    return slot;
                }
            }
        }
        return null;
    }

    /** Days without this subject first, then the days with fewer lessons. */
    private static List<Integer> daysFor(LessonUnit unit) {
        var days = new ArrayList<Integer>(DAYS);
        for (int day = 0; day < DAYS; day++) {
            days.add(day);
        }
        days.sort(Comparator.comparing((Integer day) -> unit.isOn(day))
                .thenComparingInt(day -> unit.schoolClass.lessonsOnDay[day]));
        return days;
    }
}
