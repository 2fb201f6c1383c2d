package ru.paragraf.sferum.readiness;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.OrganizationDirectory;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.ScopedOrganizations;

/**
 * Which schools' readiness a person may see, with school's own scoping: a school admin their school, a district
 * operator the schools of their district, the city operator all. Anything else does not exist for them (404).
 */
@Component
class ReadinessAccess {

    private final OrganizationDirectory directory;
    private final ScopedOrganizations organizations;

    ReadinessAccess(OrganizationDirectory directory, ScopedOrganizations organizations) {
        this.directory = directory;
        this.organizations = organizations;
    }

    OrganizationSummary school(CurrentUser user, UUID organization) {
        if (!user.role().isAdministrator()) {
            throw notFound();
        }
        return directory.findVisible(user, organization).orElseThrow(ReadinessAccess::notFound);
    }

    /** The district's schools by code; a district without a school the person may see does not exist for them. */
    List<OrganizationSummary> district(CurrentUser user, UUID district) {
        if (!user.is(Role.CITY_OPERATOR) && !user.is(Role.DISTRICT_OPERATOR)) {
            throw notFound();
        }
        var schools = organizations.visible(user).stream()
                .filter(organization -> organization.districtId().equals(district))
                .toList();
        if (schools.isEmpty()) {
            throw notFound();
        }
        return schools;
    }

    /** Every school of the city, by district and code. */
    List<OrganizationSummary> city(CurrentUser user) {
        if (!user.is(Role.CITY_OPERATOR)) {
            throw notFound();
        }
        return organizations.visible(user);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(NOT_FOUND);
    }
}
