package ru.paragraf.sferum.school.oneroster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.JournalKind;

/**
 * Everything a valid package will write, with the ids already decided: an existing row keeps its id, a new one
 * gets a fresh id and {@code created}. Rows the caller may only refer to (a district operator's own district,
 * an academic year kept by the city) are counted as {@code referenced} and not written.
 */
final class ImportPlan {

    record DistrictWrite(UUID id, boolean created, String code, String name, String externalId) {}

    record OrganizationWrite(
            UUID id,
            boolean created,
            UUID districtId,
            String code,
            String shortName,
            String fullName,
            String externalId) {}

    record YearWrite(
            UUID id,
            boolean created,
            String title,
            LocalDate startsOn,
            LocalDate endsOn,
            @Nullable String externalId) {}

    record SubjectWrite(UUID id, String name) {}

    record EmployeeWrite(
            UUID id,
            boolean created,
            UUID organizationId,
            Name name,
            String position,
            @Nullable String email,
            @Nullable String phone,
            String externalId) {}

    record PupilWrite(
            UUID id, boolean created, UUID organizationId, @Nullable UUID classUnitId, Name name, String externalId) {

        PupilWrite inClass(@Nullable UUID classUnit) {
            return new PupilWrite(id, created, organizationId, classUnit, name, externalId);
        }
    }

    record ParentWrite(
            UUID id,
            boolean created,
            UUID organizationId,
            Name name,
            @Nullable String phone,
            @Nullable String email,
            String externalId) {}

    record ClassUnitWrite(
            UUID id,
            boolean created,
            UUID organizationId,
            UUID academicYearId,
            int grade,
            String letter,
            @Nullable UUID homeroomTeacherId,
            String externalId) {}

    record StudyGroupWrite(
            UUID id,
            boolean created,
            UUID organizationId,
            UUID academicYearId,
            String title,
            @Nullable UUID classUnitId,
            String externalId) {}

    record JournalWrite(
            UUID id,
            boolean created,
            UUID organizationId,
            UUID academicYearId,
            JournalKind kind,
            UUID subjectId,
            @Nullable UUID classUnitId,
            @Nullable UUID studyGroupId,
            String externalId) {}

    /**
     * A person of the package as their account needs them: what they are, whether the OneRoster role in their
     * organization administers the school, in how many schools the package gives them a role of this kind, and the
     * identifiers a login may come from.
     */
    record PersonAccount(
            UUID person,
            PersonKind kind,
            boolean administrator,
            UUID organizationId,
            int schools,
            Name name,
            String sourcedId,
            String username,
            String email) {}

    /** A person's name; the middle name is the patronymic. */
    record Name(String last, String first, @Nullable String middle) {}

    /** A row of a link table: (pupil, parent), (study group, pupil) or (journal, employee). */
    record Link(UUID left, UUID right) {}

    final List<DistrictWrite> districts = new ArrayList<>();
    final List<OrganizationWrite> organizations = new ArrayList<>();
    final List<YearWrite> years = new ArrayList<>();
    final Map<String, SubjectWrite> newSubjects = new LinkedHashMap<>();
    final Set<String> usedSubjects = new LinkedHashSet<>();
    final List<EmployeeWrite> employees = new ArrayList<>();
    final List<PupilWrite> pupils = new ArrayList<>();
    final List<ParentWrite> parents = new ArrayList<>();
    final List<PersonAccount> accounts = new ArrayList<>();
    final List<ClassUnitWrite> classUnits = new ArrayList<>();
    final List<StudyGroupWrite> studyGroups = new ArrayList<>();
    final List<JournalWrite> journals = new ArrayList<>();
    final Set<Link> pupilParents = new LinkedHashSet<>();
    final Set<Link> groupMembers = new LinkedHashSet<>();
    final Set<Link> journalTeachers = new LinkedHashSet<>();

    int referencedDistricts;
    int referencedOrganizations;
    int referencedYears;

    /** Whether the links of the pupils, groups and journals in the plan are the whole truth (bulk files). */
    boolean replacePupilParents;

    boolean replaceGroupMembers;
    boolean replaceJournalTeachers;

    /** Whether the package lists all pupils of the schools in its orgs.csv (users and enrollments in bulk). */
    boolean wholeSchools;
}
