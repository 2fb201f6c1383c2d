package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ru.paragraf.sferum.school.JournalKind;

/**
 * The journals of one class: a general-education journal per subject of its grade (two, one per half, for subjects
 * taught in halves) and an extracurricular journal per course of its grade, each wrapped in a unit to timetable.
 */
final class ClassJournals {

    private final GeneratorCatalog catalog;
    private final SplittableRandom random;

    ClassJournals(GeneratorCatalog catalog, SplittableRandom random) {
        this.catalog = catalog;
        this.random = random;
    }

    /** Two halves of the class, alphabetically, if any subject of its grade is taught in halves. */
    List<PlannedGroup> halves(PlannedClass schoolClass) {
        boolean split = catalog.curriculum.stream().anyMatch(line -> line.split() && line.hours(schoolClass.grade) > 0);
        if (!split) {
            return List.of();
        }
        int firstHalf = (schoolClass.pupils.size() + 1) / 2;
        for (int number = 1; number <= 2; number++) {
            var half = new PlannedGroup(
                    Randoms.uuid(random), catalog.texts.half(schoolClass.title(), number), schoolClass);
            half.members.addAll(
                    number == 1
                            ? schoolClass.pupils.subList(0, firstHalf)
                            : schoolClass.pupils.subList(firstHalf, schoolClass.pupils.size()));
            schoolClass.halves.add(half);
        }
        return schoolClass.halves;
    }

    void units(PlannedClass schoolClass) {
        int grade = schoolClass.grade;
        for (var line : catalog.curriculum) {
            int hours = line.hours(grade);
            if (hours == 0) {
                continue;
            }
            var journals = new ArrayList<PlannedJournal>();
            if (line.split()) {
                for (var half : schoolClass.halves) {
                    journals.add(new PlannedJournal(
                            Randoms.uuid(random),
                            JournalKind.GENERAL_EDUCATION,
                            line.subject(),
                            line.position(),
                            null,
                            half,
                            hours));
                }
            } else {
                journals.add(new PlannedJournal(
                        Randoms.uuid(random),
                        JournalKind.GENERAL_EDUCATION,
                        line.subject(),
                        line.position(),
                        schoolClass,
                        null,
                        hours));
            }
            schoolClass.units.add(new LessonUnit(
                    schoolClass, journals, true, false, BellSchedule.lastCurriculumPeriod(grade), random.nextInt(10)));
        }
        for (var course : catalog.extracurricular) {
            if (course.grades().contains(grade)) {
                var journal = new PlannedJournal(
                        Randoms.uuid(random),
                        JournalKind.EXTRACURRICULAR,
                        course.title(),
                        course.position(),
                        schoolClass,
                        null,
                        course.hours());
                schoolClass.units.add(new LessonUnit(
                        schoolClass,
                        List.of(journal),
                        false,
                        course.mondayFirst(),
                        BellSchedule.lastExtracurricularPeriod(grade),
                        random.nextInt(10)));
            }
        }
    }
}
