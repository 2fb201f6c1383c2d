package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.OrganizationDirectory;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * Who may see a school's «Предпросмотр»: its school admin, the operator of its district and the city operator,
 * scoped by school's {@link OrganizationDirectory}. Anyone else finds no such school (404).
 */
@Component
class SyncPreviewAccess {

    private final OrganizationDirectory organizations;

    SyncPreviewAccess(OrganizationDirectory organizations) {
        this.organizations = organizations;
    }

    OrganizationSummary organization(CurrentUser user, UUID organization) {
        if (!user.role().isAdministrator()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return organizations
                .findVisible(user, organization)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
