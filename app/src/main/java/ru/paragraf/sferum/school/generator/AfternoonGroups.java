package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ru.paragraf.sferum.school.JournalKind;

/**
 * Study groups across classes that meet after lessons: elective courses of grades 10 and 11 in period 8, each on
 * its own day, and clubs of additional education in periods 9–10. A pupil joins only groups that do not clash.
 */
final class AfternoonGroups {

    private final GeneratorCatalog catalog;
    private final SchoolStaff staff;
    private final SplittableRandom random;
    final List<PlannedGroup> groups = new ArrayList<>();
    final List<PlannedJournal> journals = new ArrayList<>();

    AfternoonGroups(GeneratorCatalog catalog, SchoolStaff staff, SplittableRandom random) {
        this.catalog = catalog;
        this.staff = staff;
        this.random = random;
    }

    void electives(List<PlannedClass> classes, int perGrade) {
        for (int grade = 10; grade <= 11; grade++) {
            var pupils = pupilsOf(classes, new Grades(1 << grade));
            if (pupils.isEmpty()) {
                continue;
            }
            int finalGrade = grade;
            var courses = new ArrayList<>(catalog.electives.stream()
                    .filter(course -> course.grades().contains(finalGrade))
                    .toList());
            Randoms.shuffle(courses, random);
            var days = weekdays();
            for (int k = 0; k < Math.min(perGrade, courses.size()); k++) {
                var course = courses.get(k);
                long slots = BellSchedule.bit(BellSchedule.slot(days.get(k), BellSchedule.ELECTIVE_PERIOD));
                var title = catalog.texts.elective(course.title(), grade);
                open(JournalKind.ELECTIVE, course, title, slots, pupils, 8 + random.nextInt(8));
            }
        }
    }

    void clubs(List<PlannedClass> classes, int count) {
        var courses = new ArrayList<>(catalog.clubs);
        Randoms.shuffle(courses, random);
        for (int k = 0; k < count && !courses.isEmpty(); k++) {
            var course = courses.get(k % courses.size());
            int round = k / courses.size();
            var pupils = pupilsOf(classes, course.grades());
            if (pupils.isEmpty()) {
                continue;
            }
            int period = BellSchedule.FIRST_CLUB_PERIOD + random.nextInt(2);
            var days = weekdays();
            long slots = 0;
            for (int hour = 0; hour < course.hours(); hour++) {
                slots |= BellSchedule.bit(BellSchedule.slot(days.get(hour), period));
            }
            var title = round == 0 ? course.title() : catalog.texts.club(course.title(), round + 1);
            open(JournalKind.ADDITIONAL_EDUCATION, course, title, slots, pupils, 10 + random.nextInt(6));
        }
    }

    private void open(
            JournalKind kind,
            GeneratorCatalog.Course course,
            String title,
            long slots,
            List<PlannedPupil> candidates,
            int size) {
        var free = new ArrayList<>(
                candidates.stream().filter(pupil -> (pupil.busy & slots) == 0).toList());
        if (free.isEmpty()) {
            return;
        }
        Randoms.shuffle(free, random);
        var group = new PlannedGroup(Randoms.uuid(random), title, null);
        for (var pupil : free.subList(0, Math.min(size, free.size()))) {
            pupil.busy |= slots;
            group.members.add(pupil);
        }
        var journal = new PlannedJournal(
                Randoms.uuid(random), kind, course.title(), course.position(), null, group, Long.bitCount(slots));
        journal.assignTo(staff.freeFor(course.position(), slots, journal.hours));
        for (int slot = 0; slot < BellSchedule.DAYS * BellSchedule.PERIODS; slot++) {
            if ((slots & BellSchedule.bit(slot)) != 0) {
                journal.book(slot);
            }
        }
        groups.add(group);
        journals.add(journal);
    }

    private List<Integer> weekdays() {
        var days = new ArrayList<Integer>(List.of(0, 1, 2, 3, 4));
        Randoms.shuffle(days, random);
        return days;
    }

    private static List<PlannedPupil> pupilsOf(List<PlannedClass> classes, Grades grades) {
        var pupils = new ArrayList<PlannedPupil>();
        for (var schoolClass : classes) {
            if (grades.contains(schoolClass.grade)) {
                pupils.addAll(schoolClass.pupils);
            }
        }
        return pupils;
    }
}
