package ru.paragraf.sferum.school.oneroster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.JournalKind;
import ru.paragraf.sferum.school.oneroster.ImportPlan.SubjectWrite;
import ru.paragraf.sferum.school.oneroster.PlanContext.Org;
import ru.paragraf.sferum.school.oneroster.RosterRows.ClassRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.CourseRow;

/**
 * Plans classes.csv with courses.csv: a homeroom class is a class unit, matched by sourcedId or else by grade and
 * letter in its organization and year; a scheduled class is a journal of its course's subject. Subjects are a
 * city-wide list matched by name; only subjects of scheduled classes are created (a homeroom's course is not a
 * subject). Whether a journal belongs to a class unit or a study group is decided from the enrollments.
 */
final class ClassPlanner {

    /** A homeroom class of the package. */
    record Homeroom(
            ClassRow row,
            UUID id,
            boolean created,
            Org org,
            UUID year,
            ClassName name,
            @Nullable UUID currentTeacher) {}

    /** A scheduled class of the package: a journal. */
    record Scheduled(ClassRow row, UUID id, boolean created, Org org, UUID year, UUID subject) {}

    /** What exists of the classes of the package. */
    record Existing(
            List<ExistingRecords.ClassUnit> classUnits,
            List<ExistingRecords.Journal> journals,
            List<ExistingRecords.Subject> subjects) {}

    private final PlanContext context;
    private final YearPlanner years;
    private final Map<String, ExistingRecords.ClassUnit> unitsByExternalId;
    private final Map<String, ExistingRecords.ClassUnit> unitsByKey;
    private final Map<String, ExistingRecords.Journal> journalsByExternalId;
    private final Map<String, UUID> subjectsByName;
    private final Map<String, Integer> keysInPackage = new HashMap<>();
    final Map<String, Homeroom> homerooms = new LinkedHashMap<>();
    final Map<String, Scheduled> scheduled = new LinkedHashMap<>();

    ClassPlanner(PlanContext context, YearPlanner years, Existing existing) {
        this.context = context;
        this.years = years;
        this.unitsByExternalId = existing.classUnits().stream()
                .filter(unit -> unit.externalId() != null)
                .collect(Collectors.toMap(ExistingRecords.ClassUnit::externalId, Function.identity()));
        this.unitsByKey = existing.classUnits().stream()
                .collect(Collectors.toMap(
                        unit -> key(unit.organizationId(), unit.academicYearId(), unit.grade(), unit.letter()),
                        Function.identity()));
        this.journalsByExternalId = existing.journals().stream()
                .collect(Collectors.toMap(ExistingRecords.Journal::externalId, Function.identity()));
        this.subjectsByName = existing.subjects().stream()
                .collect(Collectors.toMap(ExistingRecords.Subject::name, ExistingRecords.Subject::id));
    }

    void plan() {
        var courses = new HashMap<String, CourseRow>();
        for (var course : context.roster.courses()) {
            courses.put(course.sourcedId(), course);
            context.organization(course.row(), "orgSourcedId", course.orgSourcedId(), false);
        }
        for (var row : context.roster.classes()) {
            var org = context.organization(row.row(), "schoolSourcedId", row.schoolSourcedId(), true);
            var year = years.yearOf(row.row(), row.termSourcedIds());
            var course = courses.get(row.courseSourcedId());
            if (course == null && !context.roster.seen(OneRosterFile.COURSES, row.courseSourcedId())) {
                context.problems.at(row.row(), "courseSourcedId", "unknownReference", "courses.csv");
            }
            if (org.isEmpty() || year.isEmpty() || course == null) {
                continue;
            }
            if (row.homeroom()) {
                homeroom(row, org.get(), year.get());
            } else {
                scheduled(row, org.get(), year.get(), course.title());
            }
        }
    }

    private void homeroom(ClassRow row, Org org, UUID year) {
        var name = Objects.requireNonNull(row.name());
        var key = key(org.id(), year, name.grade(), name.letter());
        var first = keysInPackage.putIfAbsent(key, row.row().line());
        if (first != null) {
            context.problems.at(row.row(), "title", "duplicateClass", first);
            return;
        }
        var current = unitsByExternalId.get(row.sourcedId());
        var sameName = unitsByKey.get(key);
        if (current == null && sameName != null && sameName.externalId() == null) {
            current = sameName;
        }
        if (current != null && !movable(row, current.organizationId(), org)) {
            return;
        }
        if (sameName != null && sameName != current) {
            context.problems.at(row.row(), "title", "classTaken", name.title());
            return;
        }
        var id = current == null ? UUID.randomUUID() : current.id();
        var teacher = current == null ? null : current.homeroomTeacherId();
        homerooms.put(row.sourcedId(), new Homeroom(row, id, current == null, org, year, name, teacher));
    }

    private void scheduled(ClassRow row, Org org, UUID year, String subjectName) {
        var current = journalsByExternalId.get(row.sourcedId());
        if (current != null) {
            if (!movable(row, current.organizationId(), org)) {
                return;
            }
            if (current.subjectChatRequested() && row.kind() != JournalKind.GENERAL_EDUCATION) {
                context.problems.at(row.row(), "metadata.journalKind", "kindChangeWithChat");
                return;
            }
        }
        var subject = subjectsByName.get(subjectName);
        if (subject == null) {
            subject = context.plan
                    .newSubjects
                    .computeIfAbsent(subjectName, name -> new SubjectWrite(UUID.randomUUID(), name))
                    .id();
        }
        context.plan.usedSubjects.add(subjectName);
        var id = current == null ? UUID.randomUUID() : current.id();
        scheduled.put(row.sourcedId(), new Scheduled(row, id, current == null, org, year, subject));
    }

    /** An existing class stays in its organization, and must be in the caller's scope. */
    private boolean movable(ClassRow row, UUID currentOrganization, Org org) {
        if (!context.mayChange(currentOrganization)) {
            context.problems.at(row.row(), "sourcedId", "outOfScope");
            return false;
        }
        if (!currentOrganization.equals(org.id())) {
            context.problems.at(row.row(), "schoolSourcedId", "moveForbidden");
            return false;
        }
        return true;
    }

    private static String key(UUID organization, UUID year, int grade, String letter) {
        return organization + "/" + year + "/" + grade + "/" + letter;
    }
}
