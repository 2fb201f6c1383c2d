package ru.paragraf.sferum.school.oneroster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The state shared by the planning steps: the package, the problems, the caller's scope, what already exists, and
 * the organizations resolved so far. Resolving a reference reports what is wrong with it exactly once per row.
 */
final class PlanContext {

    /** An organization a row may refer to: a school, or a district (then {@code id == districtId}). */
    record Org(UUID id, UUID districtId, boolean district) {}

    final Roster roster;
    final Problems problems;
    final ImportScope scope;
    final ImportPlan plan = new ImportPlan();
    final Map<String, Org> orgs = new HashMap<>();
    final Map<String, ExistingRecords.District> existingDistricts;
    final Map<String, ExistingRecords.Organization> existingOrganizations;
    final Map<UUID, UUID> districtOf = new HashMap<>();
    final @Nullable UUID ownDistrict;

    PlanContext(
            Roster roster,
            Problems problems,
            ImportScope scope,
            List<ExistingRecords.District> districts,
            List<ExistingRecords.Organization> organizations) {
        this.roster = roster;
        this.problems = problems;
        this.scope = scope;
        this.existingDistricts = byExternalId(districts, ExistingRecords.District::externalId);
        this.existingOrganizations = byExternalId(organizations, ExistingRecords.Organization::externalId);
        organizations.forEach(o -> districtOf.put(o.id(), o.districtId()));
        this.ownDistrict =
                scope.level() == ImportScope.Level.SCHOOL ? districtOf.get(scope.organization()) : scope.district();
    }

    /**
     * The organization a row refers to: one of the package, or one already loaded with that sourcedId. Reports
     * a reference to nothing, to a district where a school is expected, and to an organization out of scope.
     */
    Optional<Org> organization(CsvRow row, String column, String sourcedId, boolean schoolOnly) {
        if (sourcedId.isEmpty()) {
            return Optional.empty();
        }
        var org = orgs.get(sourcedId);
        if (org == null && roster.seen(OneRosterFile.ORGS, sourcedId)) {
            return Optional.empty();
        }
        if (org == null) {
            org = existing(row, column, sourcedId);
            if (org == null) {
                return Optional.empty();
            }
        }
        if (schoolOnly && org.district()) {
            problems.at(row, column, "notASchool");
            return Optional.empty();
        }
        return Optional.of(org);
    }

    /** The id of an organization of the package or an existing one, without judging the reference. */
    Optional<UUID> organizationIdQuietly(String sourcedId) {
        var org = orgs.get(sourcedId);
        if (org != null) {
            return Optional.of(org.id());
        }
        return Optional.ofNullable(existingOrganizations.get(sourcedId)).map(ExistingRecords.Organization::id);
    }

    /** May the caller change this organization's data, judged by where it lies now? */
    boolean mayChange(UUID organizationId) {
        var district = districtOf.get(organizationId);
        return district != null && scope.allows(organizationId, district);
    }

    private @Nullable Org existing(CsvRow row, String column, String sourcedId) {
        var organization = existingOrganizations.get(sourcedId);
        if (organization != null) {
            if (!scope.allows(organization.id(), organization.districtId())) {
                problems.at(row, column, "outOfScope");
                return null;
            }
            var org = new Org(organization.id(), organization.districtId(), false);
            orgs.put(sourcedId, org);
            return org;
        }
        var district = existingDistricts.get(sourcedId);
        if (district != null) {
            return new Org(district.id(), district.id(), true);
        }
        problems.at(row, column, "unknownReference", OneRosterFile.ORGS.fileName());
        return null;
    }

    private static <T> Map<String, T> byExternalId(List<T> records, Function<T, @Nullable String> externalId) {
        return records.stream()
                .filter(r -> externalId.apply(r) != null)
                .collect(Collectors.toMap(externalId, Function.identity()));
    }
}
