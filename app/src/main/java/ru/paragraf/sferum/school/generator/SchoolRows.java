package ru.paragraf.sferum.school.generator;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.copy.CopyManager;
import ru.paragraf.sferum.school.LessonFormat;
import ru.paragraf.sferum.school.Publication;

/**
 * Writes planned schools into the school schema with COPY. Rows are buffered per table and sent table by table in
 * the order of the foreign keys whenever the buffers grow large, so a whole city streams in bounded memory.
 */
final class SchoolRows {

    private static final int FLUSH_CHARS = 16 << 20;

    private final CopyManager copyManager;
    private final GeneratorCatalog catalog;
    private final UUID academicYear;
    private final Map<String, UUID> subjects;
    private final LocalDate weekStart;
    private final LocalDate today;
    private final List<CopyTable> tables = new ArrayList<>();
    private final CopyTable organization = table("organization", "id, district_id, code, short_name, full_name");
    private final CopyTable employee = table(
            "employee",
            "id, organization_id, last_name, first_name, middle_name, position, birth_date, email, phone, hired_on");
    private final CopyTable classUnit =
            table("class_unit", "id, organization_id, academic_year_id, grade, letter, homeroom_teacher_id");
    private final CopyTable pupil =
            table("pupil", "id, organization_id, class_unit_id, last_name, first_name, middle_name, birth_date");
    private final CopyTable parent = table("parent", "id, organization_id, last_name, first_name, middle_name, phone");
    private final CopyTable pupilParent = table("pupil_parent", "pupil_id, parent_id");
    private final CopyTable studyGroup =
            table("study_group", "id, organization_id, academic_year_id, title, class_unit_id");
    private final CopyTable studyGroupMember = table("study_group_member", "study_group_id, pupil_id");
    private final CopyTable journal = table(
            "journal",
            "id, organization_id, academic_year_id, kind, subject_id, class_unit_id, study_group_id, "
                    + "subject_chat_requested");
    private final CopyTable journalTeacher = table("journal_teacher", "journal_id, employee_id");
    private final CopyTable lesson = table(
            "lesson",
            "id, journal_id, organization_id, lesson_date, starts_at, duration_minutes, topic, format, publication");
    private final CopyTable timetableSlot =
            table("timetable_slot", "journal_id, day_of_week, starts_at, duration_minutes");
    private final CopyTable timetable = table("timetable", "organization_id, lessons_until");

    SchoolRows(
            CopyManager copyManager,
            GeneratorCatalog catalog,
            UUID academicYear,
            Map<String, UUID> subjects,
            LocalDate weekStart,
            LocalDate today) {
        this.copyManager = copyManager;
        this.catalog = catalog;
        this.academicYear = academicYear;
        this.subjects = subjects;
        this.weekStart = weekStart;
        this.today = today;
    }

    void write(PlannedSchool school, SplittableRandom random) {
        organization.add(school.id, school.districtId, school.code, school.shortName, school.fullName);
        for (var member : school.staff) {
            var name = member.name;
            employee.add(
                    member.id,
                    school.id,
                    name.last(),
                    name.first(),
                    name.middle(),
                    member.position.title(),
                    member.birthDate,
                    member.email,
                    member.phone,
                    member.hiredOn);
        }
        for (var schoolClass : school.classes) {
            var homeroom = schoolClass.homeroom == null ? null : schoolClass.homeroom.id;
            classUnit.add(schoolClass.id, school.id, academicYear, schoolClass.grade, schoolClass.letter, homeroom);
            for (var child : schoolClass.pupils) {
                var name = child.name;
                pupil.add(
                        child.id, school.id, schoolClass.id, name.last(), name.first(), name.middle(), child.birthDate);
                child.parents.forEach(p -> pupilParent.add(child.id, p.id()));
            }
        }
        for (var p : school.parents) {
            parent.add(
                    p.id(),
                    school.id,
                    p.name().last(),
                    p.name().first(),
                    p.name().middle(),
                    p.phone());
        }
        for (var group : school.groups) {
            var classId = group.schoolClass == null ? null : group.schoolClass.id;
            studyGroup.add(group.id, school.id, academicYear, group.title, classId);
            group.members.forEach(member -> studyGroupMember.add(group.id, member.id));
        }
        for (var planned : school.journals) {
            writeJournal(school, planned, random);
        }
        timetable.add(school.id, weekStart.plusDays(6));
    }

    private void writeJournal(PlannedSchool school, PlannedJournal planned, SplittableRandom random) {
        var classId = planned.schoolClass == null ? null : planned.schoolClass.id;
        var groupId = planned.group == null ? null : planned.group.id;
        journal.add(
                planned.id,
                school.id,
                academicYear,
                planned.kind.name(),
                subjects.get(planned.subject),
                classId,
                groupId,
                false);
        journalTeacher.add(planned.id, planned.teacher().id);
        var topics = catalog.topics(planned.subject);
        int first = topics.isEmpty() ? 0 : random.nextInt(topics.size());
        var slots = new ArrayList<>(planned.slots);
        slots.sort(null);
        for (int k = 0; k < slots.size(); k++) {
            int slot = slots.get(k);
            var date = weekStart.plusDays(BellSchedule.day(slot));
            var topic = topics.isEmpty() ? null : topics.get((first + k) % topics.size());
            var publication = date.isBefore(today) ? Publication.PUBLISHED : Publication.DRAFT;
            lesson.add(
                    Randoms.uuid(random),
                    planned.id,
                    school.id,
                    date,
                    BellSchedule.start(slot),
                    BellSchedule.LESSON_MINUTES,
                    topic,
                    LessonFormat.IN_PERSON.name(),
                    publication.name());
            timetableSlot.add(
                    planned.id, date.getDayOfWeek().getValue(), BellSchedule.start(slot), BellSchedule.LESSON_MINUTES);
        }
    }

    /** Sends the buffered rows once they are large; keeps memory bounded for a whole city. */
    void flushIfLarge() throws SQLException {
        if (tables.stream().mapToLong(CopyTable::pendingChars).sum() > FLUSH_CHARS) {
            flush();
        }
    }

    void flush() throws SQLException {
        for (var table : tables) {
            table.flush(copyManager);
        }
    }

    /** Milliseconds of COPY per table, for finding what makes a big load slow. */
    Map<String, Long> copyMillis() {
        var millis = new LinkedHashMap<String, Long>();
        tables.forEach(table -> millis.put(table.name, table.copyMillis()));
        return millis;
    }

    Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        tables.forEach(table -> counts.put(table.name, table.rows()));
        return counts;
    }

    private CopyTable table(String name, String columns) {
        var table = new CopyTable(name, columns);
        tables.add(table);
        return table;
    }
}
