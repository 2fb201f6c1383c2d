package ru.paragraf.sferum.school.oneroster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.oneroster.ImportPlan.DistrictWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.OrganizationWrite;
import ru.paragraf.sferum.school.oneroster.PlanContext.Org;
import ru.paragraf.sferum.school.oneroster.RosterRows.OrgRow;

/**
 * Plans orgs.csv: districts and schools, matched by sourcedId, or by code (identifier) when the existing row has
 * no sourcedId yet, so that data entered before the first import is taken over instead of duplicated. Only the
 * city operator writes districts; others may list their own district, which is then only referred to.
 */
final class OrganizationPlanner {

    private final PlanContext context;
    private final Map<String, ExistingRecords.District> districtsByCode;
    private final Map<String, ExistingRecords.District> districtsByName;
    private final Map<String, ExistingRecords.Organization> organizationsByCode;
    private final Map<String, Integer> codesInPackage = new HashMap<>();

    OrganizationPlanner(
            PlanContext context,
            List<ExistingRecords.District> districts,
            List<ExistingRecords.Organization> organizations) {
        this.context = context;
        this.districtsByCode = index(districts, ExistingRecords.District::code);
        this.districtsByName = index(districts, ExistingRecords.District::name);
        this.organizationsByCode = index(organizations, ExistingRecords.Organization::code);
    }

    void plan() {
        context.roster.orgs().stream().filter(OrgRow::district).forEach(this::district);
        context.roster.orgs().stream().filter(row -> !row.district()).forEach(this::school);
    }

    private void district(OrgRow org) {
        var code = org.identifier().isEmpty() ? org.sourcedId() : org.identifier();
        var codeColumn = org.identifier().isEmpty() ? "sourcedId" : "identifier";
        var existing = context.existingDistricts.get(org.sourcedId());
        var sameCode = districtsByCode.get(code);
        if (existing == null && sameCode != null && sameCode.externalId() == null) {
            existing = sameCode;
        }
        if (!context.scope.isCity()) {
            referToOwnDistrict(org, existing);
            return;
        }
        var sameName = districtsByName.get(org.name());
        if (sameCode != null && sameCode != existing) {
            context.problems.at(org.row(), codeColumn, "districtCodeTaken");
            return;
        }
        if (sameName != null && sameName != existing) {
            context.problems.at(org.row(), "name", "districtNameTaken");
            return;
        }
        if (isRepeatedCode("district:" + code, org, codeColumn)) {
            return;
        }
        var id = existing == null ? UUID.randomUUID() : existing.id();
        context.plan.districts.add(new DistrictWrite(id, existing == null, code, org.name(), org.sourcedId()));
        context.orgs.put(org.sourcedId(), new Org(id, id, true));
    }

    private void referToOwnDistrict(OrgRow org, ExistingRecords.@Nullable District existing) {
        if (existing == null) {
            context.problems.at(org.row(), "sourcedId", "districtCreateForbidden");
        } else if (!existing.id().equals(context.ownDistrict)) {
            context.problems.at(org.row(), "sourcedId", "outOfScope");
        } else {
            context.plan.referencedDistricts++;
            context.orgs.put(org.sourcedId(), new Org(existing.id(), existing.id(), true));
        }
    }

    private void school(OrgRow org) {
        var code = org.identifier().isEmpty() ? org.sourcedId() : org.identifier();
        var codeColumn = org.identifier().isEmpty() ? "sourcedId" : "identifier";
        var existing = context.existingOrganizations.get(org.sourcedId());
        var sameCode = organizationsByCode.get(code);
        if (existing == null && sameCode != null && sameCode.externalId() == null) {
            existing = sameCode;
        }
        if (sameCode != null && sameCode != existing) {
            context.problems.at(org.row(), codeColumn, "organizationCodeTaken");
            return;
        }
        var district = district(org, existing);
        if (district == null || !inScope(org, existing, district) || isRepeatedCode(code, org, codeColumn)) {
            return;
        }
        var id = existing == null ? UUID.randomUUID() : existing.id();
        var shortName =
                !org.shortName().isEmpty() ? org.shortName() : existing == null ? org.name() : existing.shortName();
        context.plan.organizations.add(
                new OrganizationWrite(id, existing == null, district, code, shortName, org.name(), org.sourcedId()));
        context.orgs.put(org.sourcedId(), new Org(id, district, false));
        context.districtOf.put(id, district);
    }

    /** The district a school lies in: its parent, or for a known school without a parent, its current one. */
    private @Nullable UUID district(OrgRow org, ExistingRecords.@Nullable Organization existing) {
        if (org.parentSourcedId().isEmpty()) {
            if (existing == null) {
                context.problems.at(org.row(), "parentSourcedId", "schoolWithoutDistrict");
                return null;
            }
            return existing.districtId();
        }
        var parent = context.organization(org.row(), "parentSourcedId", org.parentSourcedId(), false);
        if (parent.isPresent() && !parent.get().district()) {
            context.problems.at(org.row(), "parentSourcedId", "parentNotDistrict");
            return null;
        }
        return parent.map(Org::id).orElse(null);
    }

    private boolean inScope(OrgRow org, ExistingRecords.@Nullable Organization existing, UUID district) {
        var scope = context.scope;
        if (existing == null) {
            if (!scope.mayCreateOrganizationIn(district)) {
                var code = scope.level() == ImportScope.Level.SCHOOL ? "organizationCreateForbidden" : "outOfScope";
                context.problems.at(org.row(), "sourcedId", code);
                return false;
            }
            return true;
        }
        if (!scope.allows(existing.id(), existing.districtId())) {
            context.problems.at(org.row(), "sourcedId", "outOfScope");
            return false;
        }
        if (!scope.isCity() && !district.equals(existing.districtId())) {
            context.problems.at(org.row(), "parentSourcedId", "outOfScope");
            return false;
        }
        return true;
    }

    private boolean isRepeatedCode(String key, OrgRow org, String codeColumn) {
        var first = codesInPackage.putIfAbsent(key, org.row().line());
        if (first != null) {
            context.problems.at(org.row(), codeColumn, "duplicateCode", first);
            return true;
        }
        return false;
    }

    private static <T> Map<String, T> index(List<T> records, Function<T, String> key) {
        return records.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }
}
