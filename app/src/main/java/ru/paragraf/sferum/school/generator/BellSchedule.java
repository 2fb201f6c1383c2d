package ru.paragraf.sferum.school.generator;

import java.time.LocalTime;

/**
 * When lessons happen: five school days of ten 45-minute periods from 08:30. Periods 1–7 are class lessons (fewer
 * in lower grades), period 8 is for electives and periods 9–10 for clubs. A slot is one period of one day,
 * numbered 0–49 so that a set of slots fits a {@code long}.
 */
final class BellSchedule {

    static final int DAYS = 5;
    static final int PERIODS = 10;
    static final int LESSON_MINUTES = 45;
    static final int LAST_CLASS_PERIOD = 7;
    static final int ELECTIVE_PERIOD = 8;
    static final int FIRST_CLUB_PERIOD = 9;

    private static final LocalTime[] STARTS = {
        LocalTime.of(8, 30),
        LocalTime.of(9, 25),
        LocalTime.of(10, 25),
        LocalTime.of(11, 30),
        LocalTime.of(12, 35),
        LocalTime.of(13, 30),
        LocalTime.of(14, 25),
        LocalTime.of(15, 20),
        LocalTime.of(16, 15),
        LocalTime.of(17, 10)
    };

    /** Most curriculum lessons a day, by grade (sanitary rules: 5 in primary school, 6 in grades 5-6, else 7). */
    private static final int[] MAX_LESSONS = {0, 5, 5, 5, 5, 6, 6, 7, 7, 7, 7, 7};

    private BellSchedule() {}

    static int slot(int day, int period) {
        return day * PERIODS + period - 1;
    }

    static int day(int slot) {
        return slot / PERIODS;
    }

    static int period(int slot) {
        return slot % PERIODS + 1;
    }

    static long bit(int slot) {
        return 1L << slot;
    }

    static LocalTime start(int slot) {
        return STARTS[slot % PERIODS];
    }

    static int lastCurriculumPeriod(int grade) {
        return MAX_LESSONS[grade];
    }

    /** Extracurricular lessons may follow the curriculum lessons by one period, within the class periods. */
    static int lastExtracurricularPeriod(int grade) {
        return Math.min(MAX_LESSONS[grade] + 1, LAST_CLASS_PERIOD);
    }
}
