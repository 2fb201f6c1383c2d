package ru.paragraf.sferum.school.oneroster;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.paragraf.sferum.school.JournalKind;

/** What the school schema already holds that a package may match: looked up by sourcedId or natural key. */
@Repository
class ExistingRecords {

    record District(UUID id, String code, String name, @Nullable String externalId) {}

    record Organization(UUID id, UUID districtId, String code, String shortName, @Nullable String externalId) {}

    record Year(UUID id, String title, @Nullable String externalId) {}

    record Subject(UUID id, String name) {}

    /** An employee, pupil or parent; position is an employee's, classUnitId a pupil's. */
    record Person(
            UUID id, UUID organizationId, String externalId, @Nullable String position, @Nullable UUID classUnitId) {}

    record ClassUnit(
            UUID id,
            UUID organizationId,
            UUID academicYearId,
            int grade,
            String letter,
            @Nullable UUID homeroomTeacherId,
            @Nullable String externalId) {}

    record StudyGroup(UUID id, UUID organizationId, String externalId) {}

    record Journal(UUID id, UUID organizationId, String externalId, JournalKind kind, boolean subjectChatRequested) {}

    /** The advisory lock key of imports: the bytes of "OneRostr". */
    private static final long IMPORT_LOCK = 0x4F6E65526F737472L;

    private final JdbcClient jdbc;

    ExistingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes imports wait for each other until the end of the current transaction: two imports of overlapping
     * packages would otherwise both decide to create the same rows.
     */
    void lockImports() {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", IMPORT_LOCK)
                .query()
                .rowSet();
    }

    List<District> districts() {
        return jdbc.sql("select id, code, name, external_id from school.district")
                .query(District.class)
                .list();
    }

    List<Organization> organizations() {
        return jdbc.sql("select id, district_id, code, short_name, external_id from school.organization")
                .query(Organization.class)
                .list();
    }

    List<Year> years() {
        return jdbc.sql("select id, title, external_id from school.academic_year")
                .query(Year.class)
                .list();
    }

    List<Subject> subjects() {
        return jdbc.sql("select id, name from school.subject")
                .query(Subject.class)
                .list();
    }

    List<Person> employees(Collection<String> externalIds) {
        return persons(
                "select id, organization_id, external_id, position, null::uuid as class_unit_id from school.employee",
                externalIds);
    }

    List<Person> pupils(Collection<String> externalIds) {
        return persons(
                "select id, organization_id, external_id, null as position, class_unit_id from school.pupil",
                externalIds);
    }

    List<Person> parents(Collection<String> externalIds) {
        return persons(
                "select id, organization_id, external_id, null as position, null::uuid as class_unit_id"
                        + " from school.parent",
                externalIds);
    }

    /** Class units with one of these sourcedIds, and every class unit of these organizations. */
    List<ClassUnit> classUnits(Collection<String> externalIds, Collection<UUID> organizations) {
        return jdbc.sql(
                        """
                        select id, organization_id, academic_year_id, grade, letter, homeroom_teacher_id, external_id
                        from school.class_unit
                        where external_id = any(:externalIds) or organization_id = any(cast(:organizations as uuid[]))
                        """)
                .param("externalIds", externalIds.toArray(String[]::new))
                .param(
                        "organizations",
                        organizations.stream().map(UUID::toString).toArray(String[]::new))
                .query(ClassUnit.class)
                .list();
    }

    List<StudyGroup> studyGroups(Collection<String> externalIds) {
        return jdbc.sql("select id, organization_id, external_id from school.study_group where external_id = any(:ids)")
                .param("ids", externalIds.toArray(String[]::new))
                .query(StudyGroup.class)
                .list();
    }

    List<Journal> journals(Collection<String> externalIds) {
        return jdbc.sql(
                        """
                        select id, organization_id, external_id, kind, subject_chat_requested
                        from school.journal where external_id = any(:ids)
                        """)
                .param("ids", externalIds.toArray(String[]::new))
                .query(Journal.class)
                .list();
    }

    private List<Person> persons(String select, Collection<String> externalIds) {
        return jdbc.sql(select + " where external_id = any(:ids)")
                .param("ids", externalIds.toArray(String[]::new))
                .query(Person.class)
                .list();
    }
}
