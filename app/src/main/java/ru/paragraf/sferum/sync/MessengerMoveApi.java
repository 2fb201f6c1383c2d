package ru.paragraf.sferum.sync;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * «Перейти на MAX» and «Вернуться в VK» in the API, beside the school's messenger credentials (administrators, scoped
 * like «База ссылок»: another school's is 404). The bot token goes in, never out.
 */
@RestController
@Tag(name = "Link base")
class MessengerMoveApi {

    /** The school's MAX bot token. */
    record MoveRequest(@Nullable String botToken) {}

    private final MessengerMoveDecisions decisions;

    MessengerMoveApi(MessengerMoveDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/api/orgs/{organization}/messenger/move/preview")
    @Operation(
            summary = "What moving the school from VK to MAX does, with this bot token",
            description = "The token is checked with MAX's `GET /me`; nothing changes.")
    @ApiResponse(responseCode = "422", description = "The token is malformed or MAX refused it (`reason`)")
    @ApiResponse(responseCode = "409", description = "The bot is another school's, or the school is not on VK")
    @ApiResponse(responseCode = "503", description = "MAX could not be asked")
    MovePreview preview(CurrentUser user, @PathVariable UUID organization, @RequestBody MoveRequest request) {
        return decisions.previewToMax(user, organization, request.botToken());
    }

    @PostMapping("/api/orgs/{organization}/messenger/move")
    @Operation(
            summary = "Move the school from VK to MAX",
            description = "The bot replaces the VK community as the school's messenger; the community is kept for the"
                    + " VK chats' closing messages and for moving back. Each journal's VK chat stays as its previous"
                    + " chat and gets one closing message once the journal's MAX chat is adopted. Audited.")
    @ApiResponse(responseCode = "422", description = "The token is malformed or MAX refused it (`reason`)")
    @ApiResponse(responseCode = "409", description = "The bot is another school's, or the school is not on VK")
    MoveView move(CurrentUser user, @PathVariable UUID organization, @RequestBody MoveRequest request) {
        return decisions.moveToMax(user, organization, request.botToken());
    }

    @GetMapping("/api/orgs/{organization}/messenger/move")
    @Operation(summary = "The school's move: per journal, moved or waiting for its MAX chat's adoption")
    MoveView progress(CurrentUser user, @PathVariable UUID organization) {
        return decisions.progress(user, organization);
    }

    @PostMapping("/api/orgs/{organization}/messenger/move-back/preview")
    @Operation(summary = "What moving the school back to VK does; nothing changes")
    @ApiResponse(responseCode = "409", description = "Not on MAX, no kept VK community, or it is another school's")
    MovePreview previewBack(CurrentUser user, @PathVariable UUID organization) {
        return decisions.previewBack(user, organization);
    }

    @PostMapping("/api/orgs/{organization}/messenger/move-back")
    @Operation(
            summary = "Move the school back to VK",
            description = "The kept VK community is the school's messenger again and its VK chats are synchronized"
                    + " again; the MAX chats stay bound, not synchronized. The bot's token is dropped. Audited.")
    @ApiResponse(responseCode = "409", description = "Not on MAX, no kept VK community, or it is another school's")
    MoveView moveBack(CurrentUser user, @PathVariable UUID organization) {
        return decisions.moveBack(user, organization);
    }
}
