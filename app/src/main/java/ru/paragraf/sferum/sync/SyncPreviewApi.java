package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** «Предпросмотр» in the API: what the next SFERUM_SYNC run of a school would do, as JSON. */
@RestController
class SyncPreviewApi {

    private final SyncPreviewAccess access;
    private final SyncPreview preview;

    SyncPreviewApi(SyncPreviewAccess access, SyncPreview preview) {
        this.access = access;
        this.preview = preview;
    }

    @GetMapping("/api/orgs/{organization}/sync-preview")
    SyncPreviewView preview(CurrentUser user, @PathVariable UUID organization) {
        return preview.of(access.organization(user, organization));
    }
}
