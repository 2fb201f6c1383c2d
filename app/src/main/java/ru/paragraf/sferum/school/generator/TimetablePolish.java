package ru.paragraf.sferum.school.generator;

import static ru.paragraf.sferum.school.generator.BellSchedule.DAYS;

import java.util.List;

/**
 * Tidies a class's curriculum timetable as a deputy director would: evens out days with few lessons by taking the
 * last lesson of the fullest day, then closes gaps by moving the day's later lessons up. Only moves that keep every
 * teacher free are made.
 */
final class TimetablePolish {

    private TimetablePolish() {}

    static void polish(List<PlannedClass> classes) {
        for (var schoolClass : classes) {
            balance(schoolClass);
            for (int day = 0; day < DAYS; day++) {
                closeGaps(schoolClass, day);
            }
        }
    }

    private static void balance(PlannedClass schoolClass) {
        int total = 0;
        for (int lessons : schoolClass.lessonsOnDay) {
            total += lessons;
        }
        int least = total / DAYS;
        for (int round = 0; round < DAYS * 2; round++) {
            int thin = fewest(schoolClass);
            if (schoolClass.lessonsOnDay[thin] >= least || !moveOneTo(schoolClass, thin)) {
                return;
            }
        }
    }

    private static boolean moveOneTo(PlannedClass schoolClass, int thin) {
        int target = BellSchedule.slot(thin, schoolClass.lessonsOnDay[thin] + 1);
        for (int donor = 0; donor < DAYS; donor++) {
            if (schoolClass.lessonsOnDay[donor] <= schoolClass.lessonsOnDay[thin] + 1) {
                continue;
            }
            int from = lastLesson(schoolClass, donor);
            var unit = schoolClass.unitAt[from];
            if (unit != null
                    && unit.curriculum
                    && BellSchedule.period(target) <= unit.lastPeriod
                    && schoolClass.isFree(target)
                    && unit.teachersFree(target)) {
                unit.move(from, target);
                return true;
            }
        }
        return false;
    }

    private static void closeGaps(PlannedClass schoolClass, int day) {
        for (int period = 1; period < BellSchedule.LAST_CLASS_PERIOD; period++) {
            int gap = BellSchedule.slot(day, period);
            if (!schoolClass.isFree(gap)) {
                continue;
            }
            if (!moveUp(schoolClass, day, period) && lastLesson(schoolClass, day) > gap) {
                fillFromFullerDay(schoolClass, day, gap);
            }
        }
    }

    private static boolean moveUp(PlannedClass schoolClass, int day, int period) {
        int gap = BellSchedule.slot(day, period);
        for (int later = BellSchedule.LAST_CLASS_PERIOD; later > period; later--) {
            var unit = schoolClass.unitAt[BellSchedule.slot(day, later)];
            if (unit != null && !unit.mondayFirst && unit.teachersFree(gap)) {
                unit.move(BellSchedule.slot(day, later), gap);
                return true;
            }
        }
        return false;
    }

    private static void fillFromFullerDay(PlannedClass schoolClass, int day, int gap) {
        for (int donor = 0; donor < DAYS; donor++) {
            if (donor == day || schoolClass.lessonsOnDay[donor] <= schoolClass.lessonsOnDay[day]) {
                continue;
            }
            int from = lastLesson(schoolClass, donor);
            var unit = schoolClass.unitAt[from];
            if (unit != null
                    && unit.curriculum
                    && BellSchedule.period(gap) <= unit.lastPeriod
                    && unit.teachersFree(gap)) {
                unit.move(from, gap);
                return;
            }
        }
    }

    private static int fewest(PlannedClass schoolClass) {
        int fewest = 0;
        for (int day = 1; day < DAYS; day++) {
            if (schoolClass.lessonsOnDay[day] < schoolClass.lessonsOnDay[fewest]) {
                fewest = day;
            }
        }
        return fewest;
    }

    private static int lastLesson(PlannedClass schoolClass, int day) {
        for (int period = BellSchedule.LAST_CLASS_PERIOD; period >= 1; period--) {
            if (!schoolClass.isFree(BellSchedule.slot(day, period))) {
                return BellSchedule.slot(day, period);
            }
        }
        return BellSchedule.slot(day, 1);
    }
}
