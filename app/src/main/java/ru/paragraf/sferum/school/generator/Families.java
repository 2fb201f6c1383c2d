package ru.paragraf.sferum.school.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills classes with pupils who come from families: children take the father's family name in their gender and a
 * patronymic from his given name; brothers and sisters in other grades share their parents.
 */
final class Families {

    private static final int MAX_CHILDREN = 3;

    final List<PlannedParent> parents = new ArrayList<>();
    private final List<Family> families = new ArrayList<>();
    private final NamePool names;
    private final CityParameters parameters;
    private final SplittableRandom random;
    private final LocalDate yearStart;

    private record Family(
            NamePool.Surname surname,
            NamePool.MaleName father,
            List<PlannedParent> parents,
            List<PlannedPupil> children) {}

    Families(NamePool names, CityParameters parameters, SplittableRandom random, LocalDate yearStart) {
        this.names = names;
        this.parameters = parameters;
        this.random = random;
        this.yearStart = yearStart;
    }

    void fill(PlannedClass schoolClass) {
        int size = parameters.pupilsPerClass().pick(random);
        var pupils = new ArrayList<PlannedPupil>(size);
        for (int i = 0; i < size; i++) {
            var family = familyFor(schoolClass.grade);
            boolean male = random.nextBoolean();
            var name = new PersonName(
                    family.surname().of(male),
                    male ? names.boy(random) : names.girl(random),
                    family.father().patronymic(male),
                    male);
            var pupil = new PlannedPupil(Randoms.uuid(random), name, birthDate(schoolClass.grade), schoolClass);
            pupil.parents.addAll(family.parents());
            family.children().add(pupil);
            pupils.add(pupil);
        }
        pupils.sort(Comparator.comparing((PlannedPupil p) -> p.name.last())
                .thenComparing(p -> p.name.first())
                .thenComparing(p -> p.name.middle()));
        schoolClass.pupils.addAll(pupils);
    }

    private Family familyFor(int grade) {
        if (!families.isEmpty() && random.nextDouble() < parameters.siblingShare()) {
            var family = families.get(random.nextInt(families.size()));
            if (family.children().size() < MAX_CHILDREN
                    && family.children().stream().noneMatch(child -> child.schoolClass.grade == grade)) {
                return family;
            }
        }
        return newFamily();
    }

    private Family newFamily() {
        var surname = names.surname(random);
        var father = names.man(random);
        boolean both = random.nextDouble() < parameters.secondParentShare();
        boolean mother = both || random.nextDouble() < 0.8;
        var familyParents = new ArrayList<PlannedParent>(2);
        if (mother) {
            familyParents.add(parent(new PersonName(
                    surname.female(), names.woman(random), names.man(random).patronymic(false), false)));
        }
        if (both || !mother) {
            familyParents.add(parent(new PersonName(
                    surname.male(), father.name(), names.man(random).patronymic(true), true)));
        }
        var family = new Family(surname, father, familyParents, new ArrayList<>());
        families.add(family);
        return family;
    }

    private PlannedParent parent(PersonName name) {
        var parent = new PlannedParent(Randoms.uuid(random), name, SchoolStaff.phone(random));
        parents.add(parent);
        return parent;
    }

    /** Born so that the pupil is 6.5 to 7.5 years old on 1 September of grade 1, a year older for each grade. */
    private LocalDate birthDate(int grade) {
        var latest = yearStart.minusMonths(6).minusYears(grade + 5L);
        long span = ChronoUnit.DAYS.between(latest.minusYears(1), latest);
        return latest.minusDays(random.nextLong(span));
    }
}
