package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Gives every class a homeroom teacher who leads its extracurricular courses: in primary school the class's own
 * teacher, later the teacher with most lessons in the class who leads no other class.
 */
final class HomeroomAssignment {

    private final SchoolStaff staff;

    HomeroomAssignment(SchoolStaff staff) {
        this.staff = staff;
    }

    void assign(List<PlannedClass> classes) {
        for (var schoolClass : classes) {
            if (schoolClass.homeroom == null) {
                var teacher = choose(schoolClass);
                teacher.homeroomOf = schoolClass;
                schoolClass.homeroom = teacher;
            }
            var homeroom = Objects.requireNonNull(schoolClass.homeroom);
            for (var unit : schoolClass.units) {
                if (!unit.curriculum) {
                    unit.journals.forEach(journal -> journal.assignTo(homeroom));
                }
            }
        }
    }

    private PlannedTeacher choose(PlannedClass schoolClass) {
        var hours = new LinkedHashMap<PlannedTeacher, Integer>();
        for (var unit : schoolClass.units) {
            if (unit.curriculum) {
                unit.journals.forEach(journal -> hours.merge(journal.teacher(), journal.hours, Integer::sum));
            }
        }
        var candidates = new ArrayList<>(hours.keySet());
        candidates.sort(Comparator.comparing(hours::get).reversed());
        for (var teacher : candidates) {
            if (teacher.homeroomOf == null) {
                return teacher;
            }
        }
        return staff.members.stream()
                .filter(teacher -> teacher.load > 0 && teacher.homeroomOf == null)
                .min(Comparator.comparingInt(teacher -> teacher.load))
                .orElseGet(() -> staff.hire(schoolClass.units.get(0).journals.get(0).position));
    }
}
