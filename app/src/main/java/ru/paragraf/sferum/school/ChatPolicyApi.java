package ru.paragraf.sferum.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** «Настройки чатов» in the API, scoped like the page: another school's are 404, a teacher's request 403. */
@RestController
@RequestMapping("/api/orgs/{organization}/chat-policy")
@Tag(name = "School")
class ChatPolicyApi {

    private final ChatPolicyEditing editing;

    ChatPolicyApi(ChatPolicyEditing editing) {
        this.editing = editing;
    }

    /**
     * Both switches, always: a PUT states the whole policy; {@code emptyArchivedChats} may be left out (unchanged), as
     * clients written before it existed do.
     */
    record ChatPolicyRequest(
            @NotNull Boolean parentsInChats, @NotNull Boolean removeStrangers, @Nullable Boolean emptyArchivedChats) {}

    @GetMapping
    @Operation(
            summary = "The school's chat settings",
            description = "`parentsInChats` (default false): the pupils' parents join their children's subject chats;"
                    + " `removeStrangers` (default true): people who do not belong are removed from them, otherwise"
                    + " only reported; `emptyArchivedChats` (default false): once the academic year is closed, its"
                    + " chats are emptied of pupils and parents, otherwise kept as they are for their members."
                    + " `updatedAt`/`updatedBy` are null while the defaults apply.")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller")
    ChatPolicy get(CurrentUser user, @PathVariable UUID organization) {
        return editing.of(user, organization);
    }

    @PutMapping
    @Operation(
            summary = "Change the school's chat settings",
            description = "Each switch that changes is audited. Switching `parentsInChats` plans the school's subject"
                    + " chats of the current academic year again: the parents join or leave them.")
    @ApiResponse(responseCode = "200", description = "Saved (or unchanged); the body is the policy now")
    @ApiResponse(responseCode = "400", description = "A switch is missing or not a boolean")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller")
    ChatPolicy put(CurrentUser user, @PathVariable UUID organization, @Valid @RequestBody ChatPolicyRequest body) {
        return editing.change(
                user, organization, body.parentsInChats(), body.removeStrangers(), body.emptyArchivedChats());
    }
}
