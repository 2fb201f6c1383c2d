package ru.paragraf.sferum.school.oneroster;

import static ru.paragraf.sferum.school.oneroster.ImportWriter.uuid;

import ru.paragraf.sferum.school.oneroster.ImportPlan.ClassUnitWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.DistrictWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.EmployeeWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.JournalWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.OrganizationWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.ParentWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.PupilWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.StudyGroupWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.YearWrite;
import ru.paragraf.sferum.school.oneroster.ImportWriter.Upsert;

/**
 * The upserts of the import, one per table. Each inserts a new row or, on the planned id, updates the columns the
 * package owns, and only when one of them differs. Columns the package does not own are never touched: the
 * Sferum link of an employee, a journal's chat selector, birth dates and hiring dates entered by hand.
 */
final class UpsertStatements {

    static final Upsert<DistrictWrite> DISTRICTS = new Upsert<>(
            "districts",
            """
            insert into school.district as t (id, code, name, external_id) values (?, ?, ?, ?)
            on conflict (id) do update set code = excluded.code, name = excluded.name, external_id = excluded.external_id
            where (t.code, t.name, t.external_id) is distinct from (excluded.code, excluded.name, excluded.external_id)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setString(2, row.code());
                statement.setString(3, row.name());
                statement.setString(4, row.externalId());
            });

    static final Upsert<OrganizationWrite> ORGANIZATIONS = new Upsert<>(
            "organizations",
            """
            insert into school.organization as t (id, district_id, code, short_name, full_name, external_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (id) do update set district_id = excluded.district_id, code = excluded.code,
                short_name = excluded.short_name, full_name = excluded.full_name, external_id = excluded.external_id
            where (t.district_id, t.code, t.short_name, t.full_name, t.external_id)
                is distinct from (excluded.district_id, excluded.code, excluded.short_name, excluded.full_name,
                                  excluded.external_id)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setObject(2, row.districtId());
                statement.setString(3, row.code());
                statement.setString(4, row.shortName());
                statement.setString(5, row.fullName());
                statement.setString(6, row.externalId());
            });

    /** An existing year keeps its title and sourcedId: other schools' packages refer to it too. */
    static final Upsert<YearWrite> YEARS = new Upsert<>(
            "academicYears",
            """
            insert into school.academic_year as t (id, title, starts_on, ends_on, external_id) values (?, ?, ?, ?, ?)
            on conflict (id) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on
            where (t.starts_on, t.ends_on) is distinct from (excluded.starts_on, excluded.ends_on)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setString(2, row.title());
                statement.setObject(3, row.startsOn());
                statement.setObject(4, row.endsOn());
                statement.setString(5, row.externalId());
            });

    static final Upsert<EmployeeWrite> EMPLOYEES = new Upsert<>(
            "employees",
            """
            insert into school.employee as t
                (id, organization_id, last_name, first_name, middle_name, position, email, phone, external_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set organization_id = excluded.organization_id,
                last_name = excluded.last_name, first_name = excluded.first_name, middle_name = excluded.middle_name,
                position = excluded.position, email = excluded.email, phone = excluded.phone
            where (t.organization_id, t.last_name, t.first_name, t.middle_name, t.position, t.email, t.phone)
                is distinct from (excluded.organization_id, excluded.last_name, excluded.first_name,
                                  excluded.middle_name, excluded.position, excluded.email, excluded.phone)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setObject(2, row.organizationId());
                statement.setString(3, row.name().last());
                statement.setString(4, row.name().first());
                statement.setString(5, row.name().middle());
                statement.setString(6, row.position());
                statement.setString(7, row.email());
                statement.setString(8, row.phone());
                statement.setString(9, row.externalId());
            });

    static final Upsert<ClassUnitWrite> CLASS_UNITS = new Upsert<>(
            "classUnits",
            """
            insert into school.class_unit as t
                (id, organization_id, academic_year_id, grade, letter, homeroom_teacher_id, external_id)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set academic_year_id = excluded.academic_year_id, grade = excluded.grade,
                letter = excluded.letter, homeroom_teacher_id = excluded.homeroom_teacher_id,
                external_id = excluded.external_id
            where (t.academic_year_id, t.grade, t.letter, t.homeroom_teacher_id, t.external_id)
                is distinct from (excluded.academic_year_id, excluded.grade, excluded.letter,
                                  excluded.homeroom_teacher_id, excluded.external_id)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setObject(2, row.organizationId());
                statement.setObject(3, row.academicYearId());
                statement.setInt(4, row.grade());
                statement.setString(5, row.letter());
                uuid(statement, 6, row.homeroomTeacherId());
                statement.setString(7, row.externalId());
            });

    static final Upsert<PupilWrite> PUPILS = new Upsert<>(
            "pupils",
            """
            insert into school.pupil as t
                (id, organization_id, class_unit_id, last_name, first_name, middle_name, external_id)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set organization_id = excluded.organization_id,
                class_unit_id = excluded.class_unit_id, last_name = excluded.last_name,
                first_name = excluded.first_name, middle_name = excluded.middle_name
            where (t.organization_id, t.class_unit_id, t.last_name, t.first_name, t.middle_name)
                is distinct from (excluded.organization_id, excluded.class_unit_id, excluded.last_name,
                                  excluded.first_name, excluded.middle_name)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setObject(2, row.organizationId());
                uuid(statement, 3, row.classUnitId());
                statement.setString(4, row.name().last());
                statement.setString(5, row.name().first());
                statement.setString(6, row.name().middle());
                statement.setString(7, row.externalId());
            });

    static final Upsert<ParentWrite> PARENTS = new Upsert<>(
            "parents",
            """
            insert into school.parent as t
                (id, organization_id, last_name, first_name, middle_name, phone, email, external_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set organization_id = excluded.organization_id,
                last_name = excluded.last_name, first_name = excluded.first_name, middle_name = excluded.middle_name,
                phone = excluded.phone, email = excluded.email
            where (t.organization_id, t.last_name, t.first_name, t.middle_name, t.phone, t.email)
                is distinct from (excluded.organization_id, excluded.last_name, excluded.first_name,
                                  excluded.middle_name, excluded.phone, excluded.email)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setObject(2, row.organizationId());
                statement.setString(3, row.name().last());
                statement.setString(4, row.name().first());
                statement.setString(5, row.name().middle());
                statement.setString(6, row.phone());
                statement.setString(7, row.email());
                statement.setString(8, row.externalId());
            });

    static final Upsert<StudyGroupWrite> STUDY_GROUPS = new Upsert<>(
            "studyGroups",
            """
            insert into school.study_group as t
                (id, organization_id, academic_year_id, title, class_unit_id, external_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (id) do update set academic_year_id = excluded.academic_year_id, title = excluded.title,
                class_unit_id = excluded.class_unit_id
            where (t.academic_year_id, t.title, t.class_unit_id)
                is distinct from (excluded.academic_year_id, excluded.title, excluded.class_unit_id)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setObject(2, row.organizationId());
                statement.setObject(3, row.academicYearId());
                statement.setString(4, row.title());
                uuid(statement, 5, row.classUnitId());
                statement.setString(6, row.externalId());
            });

    /** A changed journal gets a new version, so that a page holding the old one notices. */
    static final Upsert<JournalWrite> JOURNALS = new Upsert<>(
            "journals",
            """
            insert into school.journal as t
                (id, organization_id, academic_year_id, kind, subject_id, class_unit_id, study_group_id, external_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set academic_year_id = excluded.academic_year_id, kind = excluded.kind,
                subject_id = excluded.subject_id, class_unit_id = excluded.class_unit_id,
                study_group_id = excluded.study_group_id, version = t.version + 1
            where (t.academic_year_id, t.kind, t.subject_id, t.class_unit_id, t.study_group_id)
                is distinct from (excluded.academic_year_id, excluded.kind, excluded.subject_id,
                                  excluded.class_unit_id, excluded.study_group_id)
            """,
            (statement, row) -> {
                statement.setObject(1, row.id());
                statement.setObject(2, row.organizationId());
                statement.setObject(3, row.academicYearId());
                statement.setString(4, row.kind().name());
                statement.setObject(5, row.subjectId());
                uuid(statement, 6, row.classUnitId());
                uuid(statement, 7, row.studyGroupId());
                statement.setString(8, row.externalId());
            });

    private UpsertStatements() {}
}
