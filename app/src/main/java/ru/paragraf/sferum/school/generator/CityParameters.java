package ru.paragraf.sferum.school.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * How big and how shaped a generated city is; the same parameters and seed always give the same data.
 *
 * @param seed the seed of every random choice, ids included
 * @param districts how many of the 18 districts of St Petersburg get schools
 * @param schools how many schools in all, spread evenly over the districts
 * @param primaryLetters parallel classes per grade in grades 1–4 (1 means only the first letter, 3 means three)
 * @param basicLetters parallel classes per grade in grades 5–9
 * @param secondaryLetters parallel classes per grade in grades 10–11
 * @param pupilsPerClass pupils in a class
 * @param secondParentShare share of families with both parents recorded; the others have one
 * @param siblingShare share of pupils who are a brother or sister of a pupil of an earlier class, sharing parents
 * @param teachingLoad weekly lessons a subject teacher is aimed at (a teacher's rate is 18)
 * @param clubsPerSchool clubs of additional education in each school
 * @param electivesPerGrade elective courses in each of grades 10 and 11 (at most 5)
 * @param weekStart a day of the week to put lessons in, or {@code null} for the current week of the clock
 */
public record CityParameters(
        long seed,
        int districts,
        int schools,
        Span primaryLetters,
        Span basicLetters,
        Span secondaryLetters,
        Span pupilsPerClass,
        double secondParentShare,
        double siblingShare,
        int teachingLoad,
        int clubsPerSchool,
        int electivesPerGrade,
        @Nullable LocalDate weekStart) {

    public CityParameters {
        require(districts >= 1 && districts <= 18, "districts must be 1 to 18");
        require(schools >= districts, "every district needs a school: schools >= districts");
        require(primaryLetters.min() >= 1 && primaryLetters.max() <= 10, "primaryLetters must be within 1..10");
        require(basicLetters.min() >= 1 && basicLetters.max() <= 10, "basicLetters must be within 1..10");
        require(secondaryLetters.min() >= 1 && secondaryLetters.max() <= 10, "secondaryLetters must be within 1..10");
        require(pupilsPerClass.min() >= 2 && pupilsPerClass.max() <= 40, "pupilsPerClass must be within 2..40");
        require(secondParentShare >= 0 && secondParentShare <= 1, "secondParentShare must be within 0..1");
        require(siblingShare >= 0 && siblingShare <= 1, "siblingShare must be within 0..1");
        require(teachingLoad >= 12 && teachingLoad <= 30, "teachingLoad must be within 12..30");
        require(clubsPerSchool >= 0 && clubsPerSchool <= 60, "clubsPerSchool must be within 0..60");
        require(electivesPerGrade >= 0 && electivesPerGrade <= 5, "electivesPerGrade must be within 0..5");
    }

    /** Two districts with three schools in all: enough to click through every role. */
    public static CityParameters demo() {
        return new CityParameters(
                20250901L,
                2,
                3,
                new Span(2, 3),
                new Span(2, 3),
                new Span(1, 2),
                new Span(22, 28),
                0.65,
                0.12,
                22,
                8,
                2,
                null);
    }

    /** St Petersburg: 18 districts, about 700 schools, 300,000 pupils and 25,000 teachers. */
    public static CityParameters city() {
        return new CityParameters(
                1703L,
                18,
                702,
                new Span(1, 3),
                new Span(1, 2),
                new Span(1, 1),
                new Span(20, 28),
                0.65,
                0.12,
                22,
                12,
                2,
                null);
    }

    public CityParameters withSeed(long newSeed) {
        return new CityParameters(
                newSeed,
                districts,
                schools,
                primaryLetters,
                basicLetters,
                secondaryLetters,
                pupilsPerClass,
                secondParentShare,
                siblingShare,
                teachingLoad,
                clubsPerSchool,
                electivesPerGrade,
                weekStart);
    }

    public CityParameters withSchools(int newDistricts, int newSchools) {
        return new CityParameters(
                seed,
                newDistricts,
                newSchools,
                primaryLetters,
                basicLetters,
                secondaryLetters,
                pupilsPerClass,
                secondParentShare,
                siblingShare,
                teachingLoad,
                clubsPerSchool,
                electivesPerGrade,
                weekStart);
    }

    public CityParameters withWeekStart(@Nullable LocalDate newWeekStart) {
        return new CityParameters(
                seed,
                districts,
                schools,
                primaryLetters,
                basicLetters,
                secondaryLetters,
                pupilsPerClass,
                secondParentShare,
                siblingShare,
                teachingLoad,
                clubsPerSchool,
                electivesPerGrade,
                newWeekStart);
    }

    Span letters(int grade) {
        return grade <= 4 ? primaryLetters : grade <= 9 ? basicLetters : secondaryLetters;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public record Span(int min, int max) {

        public Span {
            if (min > max) {
                throw new IllegalArgumentException("min must not exceed max");
            }
        }

        int pick(SplittableRandom random) {
            return min + random.nextInt(max - min + 1);
        }

        int clamp(int value) {
            return Math.max(min, Math.min(max, value));
        }
    }
}
