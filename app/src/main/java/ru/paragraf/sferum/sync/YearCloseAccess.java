package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.ScopedOrganizations;

/**
 * Who may close a year: a school's — its school admin, the operator of its district, the city operator (as
 * «Предпросмотр»); a whole district's — the city operator, and the operator of that district. Anyone else finds no
 * such school or district (404).
 */
@Component
class YearCloseAccess {

    private final SyncPreviewAccess schools;
    private final ScopedOrganizations organizations;

    YearCloseAccess(SyncPreviewAccess schools, ScopedOrganizations organizations) {
        this.schools = schools;
        this.organizations = organizations;
    }

    OrganizationSummary school(CurrentUser user, UUID organization) {
        return schools.organization(user, organization);
    }

    /** The district's schools the person may close the year of, by code; none: no such district for them. */
    List<OrganizationSummary> district(CurrentUser user, UUID district) {
        if (!user.is(Role.CITY_OPERATOR) && !user.is(Role.DISTRICT_OPERATOR)) {
            throw notFound();
        }
        var found = organizations.visible(user).stream()
                .filter(organization -> organization.districtId().equals(district))
                .toList();
        if (found.isEmpty()) {
            throw notFound();
        }
        return found;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
