package ru.paragraf.sferum.school.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;

/** Plans one school in memory: classes and families, staff, journals, homeroom teachers and the week's timetable. */
final class SchoolPlanner {

    private static final String[] ADMINISTRATION = {
        "DIRECTOR", "DEPUTY_ACADEMIC", "DEPUTY_EDUCATION", "ORGANIZER", "PSYCHOLOGIST", "SOCIAL"
    };
    private static final String DEPUTY_ACADEMIC = "DEPUTY_ACADEMIC";
    private static final int CLASSES_PER_DEPUTY = 30;

    private final GeneratorCatalog catalog;
    private final CityParameters parameters;
    private final LocalDate yearStart;

    SchoolPlanner(GeneratorCatalog catalog, CityParameters parameters, LocalDate yearStart) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.yearStart = yearStart;
    }

    PlannedSchool plan(
            SplittableRandom random,
            UUID districtId,
            GeneratorCatalog.District district,
            int number,
            GeneratorCatalog.SchoolType type) {
        var school = new PlannedSchool(
                Randoms.uuid(random),
                districtId,
                "%s-%03d".formatted(district.code(), number),
                type.shortName(number),
                type.fullName(number, district.genitive()));
        school.classes.addAll(classes(random));
        var families = new Families(catalog.names, parameters, random, yearStart);
        school.classes.forEach(families::fill);
        school.parents.addAll(families.parents);

        int maxLoad = parameters.teachingLoad() + parameters.teachingLoad() / 3;
        var staff = new SchoolStaff(catalog, random, yearStart, number, maxLoad);
        for (var position : ADMINISTRATION) {
            staff.hire(position);
        }
        for (int i = 1; i < (school.classes.size() + CLASSES_PER_DEPUTY - 1) / CLASSES_PER_DEPUTY; i++) {
            staff.hire(DEPUTY_ACADEMIC);
        }
        var journals = new ClassJournals(catalog, random);
        for (var schoolClass : school.classes) {
            school.groups.addAll(journals.halves(schoolClass));
            journals.units(schoolClass);
        }
        new TeachingAssignment(staff, parameters.teachingLoad()).assign(school.classes);
        new HomeroomAssignment(staff).assign(school.classes);
        new TimetableGenerator(staff).schedule(school.classes);
        var afternoon = new AfternoonGroups(catalog, staff, random);
        afternoon.electives(school.classes, parameters.electivesPerGrade());
        afternoon.clubs(school.classes, parameters.clubsPerSchool());

        for (var schoolClass : school.classes) {
            schoolClass.units.forEach(unit -> school.journals.addAll(unit.journals));
        }
        school.groups.addAll(afternoon.groups);
        school.journals.addAll(afternoon.journals);
        school.staff.addAll(staff.members);
        feature(school, staff);
        return school;
    }

    private List<PlannedClass> classes(SplittableRandom random) {
        var classes = new ArrayList<PlannedClass>();
        int[] base = {
            0,
            parameters.primaryLetters().pick(random),
            parameters.basicLetters().pick(random),
            parameters.secondaryLetters().pick(random)
        };
        for (int grade = 1; grade <= 11; grade++) {
            int range = grade <= 4 ? 1 : grade <= 9 ? 2 : 3;
            int letters = base[range];
            if (random.nextDouble() < 0.2) {
                letters = parameters.letters(grade).clamp(letters + (random.nextBoolean() ? 1 : -1));
            }
            for (int i = 0; i < letters; i++) {
                classes.add(new PlannedClass(Randoms.uuid(random), grade, catalog.texts.classLetter(i)));
            }
        }
        return classes;
    }

    /** A seventh grade if there is one: its homeroom and subject teachers, its first pupil and that pupil's parent. */
    private static void feature(PlannedSchool school, SchoolStaff staff) {
        var featured = school.classes.stream()
                .filter(c -> c.grade == 7)
                .findFirst()
                .or(() -> school.classes.stream().filter(c -> c.grade >= 5).findFirst())
                .orElse(school.classes.get(0));
        var hours = new LinkedHashMap<PlannedTeacher, Integer>();
        var homeroom = Objects.requireNonNull(featured.homeroom);
        for (var unit : featured.units) {
            if (unit.curriculum) {
                for (var journal : unit.journals) {
                    hours.merge(journal.teacher(), journal.hours, Integer::sum);
                }
            }
        }
        var teachers = new ArrayList<>(hours.keySet());
        teachers.sort(Comparator.comparing((PlannedTeacher t) -> t != homeroom).thenComparing(t -> -hours.get(t)));
        school.featuredTeachers.addAll(teachers.subList(0, Math.min(3, teachers.size())));
        school.featuredPupil = featured.pupils.get(0);
        school.admin = staff.holding(DEPUTY_ACADEMIC).get(0);
    }
}
