package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gives the curriculum journals to teachers as a school would: one teacher per primary class; otherwise all of a
 * class's journals of one specialty (algebra, geometry and statistics of 7A) go to one teacher, and the specialty's
 * teachers share the classes evenly, never both halves of a class.
 */
final class TeachingAssignment {

    /** All journals of one class, or one half of it, that one kind of teacher teaches. */
    private record Bundle(
            PlannedClass schoolClass, @Nullable PlannedGroup half, String position, List<PlannedJournal> journals) {

        int hours() {
            return journals.stream().mapToInt(journal -> journal.hours).sum();
        }
    }

    private final SchoolStaff staff;
    private final int targetLoad;

    TeachingAssignment(SchoolStaff staff, int targetLoad) {
        this.staff = staff;
        this.targetLoad = targetLoad;
    }

    void assign(List<PlannedClass> classes) {
        var byPosition = new LinkedHashMap<String, Map<String, Bundle>>();
        for (var schoolClass : classes) {
            for (var unit : schoolClass.units) {
                if (!unit.curriculum) {
                    continue;
                }
                for (var journal : unit.journals) {
                    var key = schoolClass.id + "/" + (journal.group == null ? "" : journal.group.id);
                    byPosition
                            .computeIfAbsent(journal.position, position -> new LinkedHashMap<>())
                            .computeIfAbsent(
                                    key,
                                    k -> new Bundle(schoolClass, journal.group, journal.position, new ArrayList<>()))
                            .journals()
                            .add(journal);
                }
            }
        }
        byPosition.forEach((position, bundles) -> {
            if (position.equals(GeneratorCatalog.PRIMARY)) {
                bundles.values().forEach(this::assignToOwnTeacher);
            } else {
                share(position, new ArrayList<>(bundles.values()));
            }
        });
    }

    private void assignToOwnTeacher(Bundle bundle) {
        var teacher = bundle.schoolClass().homeroom;
        if (teacher == null) {
            teacher = staff.hire(GeneratorCatalog.PRIMARY);
            teacher.homeroomOf = bundle.schoolClass();
            bundle.schoolClass().homeroom = teacher;
        }
        give(bundle, teacher);
    }

    private void share(String position, List<Bundle> bundles) {
        int total = bundles.stream().mapToInt(Bundle::hours).sum();
        int wanted = Math.max(1, (total + targetLoad - 1) / targetLoad);
        for (int i = staff.holding(position).size(); i < wanted; i++) {
            staff.hire(position);
        }
        bundles.sort(Comparator.comparingInt(Bundle::hours).reversed());
        for (var bundle : bundles) {
            PlannedTeacher best = null;
            for (var teacher : staff.holding(position)) {
                if (teacher.load + bundle.hours() <= staff.maxLoad()
                        && !teachesOtherHalf(teacher, bundle)
                        && (best == null || teacher.load < best.load)) {
                    best = teacher;
                }
            }
            give(bundle, best != null ? best : staff.hire(position));
        }
    }

    private static boolean teachesOtherHalf(PlannedTeacher teacher, Bundle bundle) {
        return bundle.half() != null
                && teacher.halves.stream()
                        .anyMatch(half -> half != bundle.half() && half.schoolClass == bundle.schoolClass());
    }

    private static void give(Bundle bundle, PlannedTeacher teacher) {
        bundle.journals().forEach(journal -> journal.assignTo(teacher));
        if (bundle.half() != null && !teacher.halves.contains(bundle.half())) {
            teacher.halves.add(bundle.half());
        }
    }
}
