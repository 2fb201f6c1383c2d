package ru.paragraf.sferum.sync;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** «Удержанные удаления» in the API, scoped like the page: another school's are 404, a teacher's request 403. */
@RestController
@RequestMapping("/api/orgs/{organization}/removal-hold")
@Tag(name = "Sync")
class RemovalHoldApi {

    private final SyncPreviewAccess access;
    private final RemovalHoldDecisions decisions;

    RemovalHoldApi(SyncPreviewAccess access, RemovalHoldDecisions decisions) {
        this.access = access;
        this.decisions = decisions;
    }

    /** The hold decided on, as the preview named it, and (to release) how many removals the preview showed. */
    record Decision(@NotNull UUID holdId, @Min(0) int removals) {}

    @GetMapping
    @Operation(
            summary = "The school's hold on big removals",
            description = "The latest hold (`state` HELD, RELEASED or DISCARDED; null fields if none) and, while it is"
                    + " HELD, `removals`: who would leave which chat and why, computed now.")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller")
    RemovalHoldView get(CurrentUser user, @PathVariable UUID organization) {
        return decisions.of(access.organization(user, organization));
    }

    @PostMapping("/release")
    @Operation(
            summary = "Carry out the held removals",
            description = "Plans the school's removals at once, `removals` of them beyond the threshold; if they grew"
                    + " meanwhile by more than the threshold, the school is held again. Audited.")
    @ApiResponse(responseCode = "409", description = "The hold is not HELD (decided meanwhile, or another one)")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller")
    RemovalHoldView release(CurrentUser user, @PathVariable UUID organization, @Valid @RequestBody Decision body) {
        var school = access.organization(user, organization);
        decisions.release(user, school, body.holdId(), body.removals());
        return decisions.of(school);
    }

    @PostMapping("/discard")
    @Operation(
            summary = "Discard the held removals",
            description = "Nobody is removed: the people the removals would take out stay in their chats and are not"
                    + " planned again until they belong in the chat again. Audited.")
    @ApiResponse(responseCode = "409", description = "The hold is not HELD (decided meanwhile, or another one)")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller")
    RemovalHoldView discard(CurrentUser user, @PathVariable UUID organization, @Valid @RequestBody Decision body) {
        var school = access.organization(user, organization);
        decisions.discard(user, school, body.holdId());
        return decisions.of(school);
    }
}
