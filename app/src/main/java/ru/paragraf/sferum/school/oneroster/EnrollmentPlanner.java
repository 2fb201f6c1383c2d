package ru.paragraf.sferum.school.oneroster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.oneroster.ClassPlanner.Homeroom;
import ru.paragraf.sferum.school.oneroster.ClassPlanner.Scheduled;
import ru.paragraf.sferum.school.oneroster.ImportPlan.ClassUnitWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.JournalWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.Link;
import ru.paragraf.sferum.school.oneroster.ImportPlan.StudyGroupWrite;
import ru.paragraf.sferum.school.oneroster.RosterRows.EnrollmentRow;

/**
 * Plans enrollments.csv and completes the classes with them. A pupil's class is their homeroom enrollment; the
 * homeroom's teacher is its class teacher. A journal belongs to a class unit when its pupils are exactly that
 * class; otherwise (half a class, pupils of several classes, nobody yet) to a study group of its own, which
 * remembers the class when all its pupils come from one.
 */
final class EnrollmentPlanner {

    private final PlanContext context;
    private final ClassPlanner classes;
    private final PeoplePlanner people;
    private final List<ExistingRecords.StudyGroup> existingGroups;
    private final Map<UUID, String> pupilHomeroom = new HashMap<>();
    private final Map<String, List<UUID>> homeroomTeachers = new HashMap<>();
    private final Map<String, Set<UUID>> classPupils = new HashMap<>();

    EnrollmentPlanner(
            PlanContext context,
            ClassPlanner classes,
            PeoplePlanner people,
            List<ExistingRecords.StudyGroup> existingGroups) {
        this.context = context;
        this.classes = classes;
        this.people = people;
        this.existingGroups = existingGroups;
    }

    void plan() {
        context.roster.enrollments().forEach(this::enrollment);
        var bulk = context.roster.source().isBulk(OneRosterFile.ENROLLMENTS);
        context.plan.replaceGroupMembers = bulk;
        context.plan.replaceJournalTeachers = bulk;
        context.plan.wholeSchools = bulk && context.roster.source().isBulk(OneRosterFile.USERS);
        classUnits(bulk);
        pupilClasses(bulk);
        journals();
    }

    private void enrollment(EnrollmentRow enrollment) {
        var homeroom = classes.homerooms.get(enrollment.classSourcedId());
        var scheduled = classes.scheduled.get(enrollment.classSourcedId());
        if (homeroom == null && scheduled == null) {
            if (!context.roster.seen(OneRosterFile.CLASSES, enrollment.classSourcedId())) {
                context.problems.at(enrollment.row(), "classSourcedId", "unknownReference", "classes.csv");
            }
            return;
        }
        var classRow = homeroom != null
                ? homeroom.row()
                : Objects.requireNonNull(scheduled).row();
        var organization =
                homeroom != null ? homeroom.org().id() : scheduled.org().id();
        if (!enrollment.schoolSourcedId().equals(classRow.schoolSourcedId())) {
            context.problems.at(enrollment.row(), "schoolSourcedId", "schoolMismatch");
            return;
        }
        if (!people.isKnown(enrollment.userSourcedId())) {
            if (!context.roster.seen(OneRosterFile.USERS, enrollment.userSourcedId())) {
                context.problems.at(enrollment.row(), "userSourcedId", "unknownUser");
            }
            return;
        }
        var student = enrollment.role().equals("student");
        var person = people.person(enrollment.userSourcedId(), student ? PersonKind.PUPIL : PersonKind.EMPLOYEE);
        if (person == null) {
            context.problems.at(enrollment.row(), "userSourcedId", student ? "notAStudent" : "notATeacher");
        } else if (!person.organizationId().equals(organization)) {
            context.problems.at(enrollment.row(), "userSourcedId", "otherOrganization");
        } else if (student) {
            student(enrollment, homeroom, person.id());
        } else if (homeroom != null) {
            var teachers = homeroomTeachers.computeIfAbsent(enrollment.classSourcedId(), key -> new ArrayList<>());
            teachers.add(enrollment.primary() ? 0 : teachers.size(), person.id());
        } else {
            context.plan.journalTeachers.add(new Link(scheduled.id(), person.id()));
        }
    }

    private void student(EnrollmentRow enrollment, @Nullable Homeroom homeroom, UUID pupil) {
        if (homeroom == null) {
            classPupils
                    .computeIfAbsent(enrollment.classSourcedId(), key -> new LinkedHashSet<>())
                    .add(pupil);
            return;
        }
        var previous = pupilHomeroom.putIfAbsent(pupil, enrollment.classSourcedId());
        if (previous != null && !previous.equals(enrollment.classSourcedId())) {
            var other = classes.homerooms.get(previous).name().title();
            context.problems.at(enrollment.row(), "classSourcedId", "twoHomerooms", other);
        }
    }

    private void classUnits(boolean bulk) {
        for (var homeroom : classes.homerooms.values()) {
            var teachers = homeroomTeachers.getOrDefault(homeroom.row().sourcedId(), List.of());
            var teacher = !teachers.isEmpty() ? teachers.get(0) : bulk ? null : homeroom.currentTeacher();
            context.plan.classUnits.add(new ClassUnitWrite(
                    homeroom.id(),
                    homeroom.created(),
                    homeroom.org().id(),
                    homeroom.year(),
                    homeroom.name().grade(),
                    homeroom.name().letter(),
                    teacher,
                    homeroom.row().sourcedId()));
        }
    }

    private void pupilClasses(boolean bulk) {
        context.plan.pupils.replaceAll(pupil -> {
            var homeroom = pupilHomeroom.get(pupil.id());
            if (homeroom != null) {
                return pupil.inClass(classes.homerooms.get(homeroom).id());
            }
            return bulk ? pupil.inClass(null) : pupil;
        });
    }

    private void journals() {
        var members = pupilHomeroom.entrySet().stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
        var groups = existingGroups.stream()
                .collect(Collectors.toMap(ExistingRecords.StudyGroup::externalId, Function.identity()));
        for (var journal : classes.scheduled.values()) {
            var pupils = classPupils.getOrDefault(journal.row().sourcedId(), Set.of());
            var homerooms = pupils.stream().map(pupilHomeroom::get).collect(Collectors.toSet());
            var single = homerooms.size() == 1 ? homerooms.iterator().next() : null;
            var homeroom = single == null ? null : classes.homerooms.get(single);
            if (homeroom != null && !homeroom.year().equals(journal.year())) {
                homeroom = null;
            }
            if (homeroom != null && members.get(single).equals(pupils)) {
                add(journal, homeroom.id(), null);
                continue;
            }
            var group = groups.get(journal.row().sourcedId());
            if (group != null && !group.organizationId().equals(journal.org().id())) {
                context.problems.at(journal.row().row(), "schoolSourcedId", "moveForbidden");
                continue;
            }
            var groupId = group == null ? UUID.randomUUID() : group.id();
            context.plan.studyGroups.add(new StudyGroupWrite(
                    groupId,
                    group == null,
                    journal.org().id(),
                    journal.year(),
                    journal.row().title(),
                    homeroom == null ? null : homeroom.id(),
                    journal.row().sourcedId()));
            pupils.forEach(pupil -> context.plan.groupMembers.add(new Link(groupId, pupil)));
            add(journal, null, groupId);
        }
    }

    private void add(Scheduled journal, @Nullable UUID classUnit, @Nullable UUID studyGroup) {
        context.plan.journals.add(new JournalWrite(
                journal.id(),
                journal.created(),
                journal.org().id(),
                journal.year(),
                journal.row().kind(),
                journal.subject(),
                classUnit,
                studyGroup,
                journal.row().sourcedId()));
    }
}
