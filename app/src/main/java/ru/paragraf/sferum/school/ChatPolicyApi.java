package ru.paragraf.sferum.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
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

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ChatPolicyEditing editing;
    private final VideoRooms rooms;
    private final MessageSource messages;

    ChatPolicyApi(ChatPolicyEditing editing, VideoRooms rooms, MessageSource messages) {
        this.editing = editing;
        this.rooms = rooms;
        this.messages = messages;
    }

    /**
     * Both switches, always: a PUT states the whole policy; {@code emptyArchivedChats} may be left out (unchanged), as
     * clients written before it existed do.
     */
    record ChatPolicyRequest(
            @NotNull Boolean parentsInChats,
            @NotNull Boolean removeStrangers,
            @Nullable Boolean emptyArchivedChats,
            @Nullable String videoRoomTemplate) {}

    @GetMapping
    @Operation(
            summary = "The school's chat settings",
            description = "`parentsInChats` (default false): the pupils' parents join their children's subject chats;"
                    + " `removeStrangers` (default true): people who do not belong are removed from them, otherwise"
                    + " only reported; `emptyArchivedChats` (default false): once the academic year is closed, its"
                    + " chats are emptied of pupils and parents, otherwise kept as they are for their members."
                    + " `videoRoomTemplate` (default null): for a school whose messenger cannot start calls (MAX), the"
                    + " URL template of a standing video room per journal, `{journal}` replaced by the journal's id;"
                    + " null: lessons are held at the links pasted on them only. A pasted link overrides the room."
                    + " In a PUT, `videoRoomTemplate` left out or null keeps the template; an empty string removes it."
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
    @ApiResponse(
            responseCode = "422",
            description = "`videoRoomTemplate` is not valid: no `{journal}`, not https, or a host not allowed for"
                    + " lessons; `fields.videoRoomTemplate` says why in Russian")
    Object put(CurrentUser user, @PathVariable UUID organization, @Valid @RequestBody ChatPolicyRequest body) {
        ChatPolicyEditing.VideoRoom room = null;
        if (body.videoRoomTemplate() != null) {
            editing.of(user, organization); // 403 or 404 before the template is judged
            var errors = new BeanPropertyBindingResult(body, "body");
            var template = rooms.check(body.videoRoomTemplate(), errors, "videoRoomTemplate");
            if (errors.hasErrors()) {
                var problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_CONTENT, "The standing video rooms' URL template is not valid.");
                problem.setType(URI.create("urn:sferum:problem:invalid-video-room-template"));
                var fields = new LinkedHashMap<String, String>();
                errors.getFieldErrors()
                        .forEach(error -> fields.put(error.getField(), messages.getMessage(error, RUSSIAN)));
                problem.setProperty("fields", fields);
                return ResponseEntity.unprocessableContent().body(problem);
            }
            room = new ChatPolicyEditing.VideoRoom(template);
        }
        return editing.change(
                user, organization, body.parentsInChats(), body.removeStrangers(), body.emptyArchivedChats(), room);
    }
}
