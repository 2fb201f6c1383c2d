package ru.paragraf.sferum.linkbase;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.OrganizationDirectory;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * The organization's messenger credentials in the API, whichever messenger: its VK Sferum community or its MAX bot.
 * Scoped like the page: another school's is 404. Tokens go in, never out: answers carry their masks. The VK-only
 * {@code /api/orgs/{org}/sferum-community} stays as it was.
 */
@RestController
@RequestMapping("/api/orgs/{organization}/messenger")
@Tag(name = "Link base")
class MessengerApi {

    private static final String PROBLEMS = "urn:sferum:problem:linkbase:";

    private final OrganizationDirectory directory;
    private final CredentialsManagement communities;
    private final BotCredentials bots;
    private final LinkbaseTexts texts;

    MessengerApi(
            OrganizationDirectory directory,
            CredentialsManagement communities,
            BotCredentials bots,
            LinkbaseTexts texts) {
        this.directory = directory;
        this.communities = communities;
        this.bots = bots;
        this.texts = texts;
    }

    @GetMapping
    @Operation(
            summary = "The organization's messenger credentials: VK (community id) or MAX (bot), masked token, state")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller, or no credentials entered")
    ResponseEntity<?> get(CurrentUser user, @PathVariable UUID organization) {
        var org = visible(user, organization);
        var bot = bots.find(org);
        if (bot.isPresent()) {
            return ResponseEntity.ok(MessengerResource.of(bot.get(), texts));
        }
        return communities
                .find(org)
                .<ResponseEntity<?>>map(stored -> ResponseEntity.ok(MessengerResource.of(stored, texts)))
                .orElseGet(this::none);
    }

    @PutMapping
    @Operation(
            summary = "Enter or replace the organization's messenger credentials",
            description = "`{\"messenger\":\"MAX\",\"botToken\":\"…\"}`: the bot token is verified with MAX's"
                    + " `GET /me`, which names the bot. `{\"messenger\":\"VK\",\"communityId\":\"…\",\"token\":\"…\"}`:"
                    + " as `PUT /api/orgs/{org}/sferum-community`. Either replaces the other messenger's credentials."
                    + " Refused credentials are not stored (422 with `reason`); when the messenger cannot be reached"
                    + " they are stored as UNVERIFIED and re-verified later.")
    @ApiResponse(responseCode = "200", description = "Stored, VERIFIED or UNVERIFIED")
    @ApiResponse(responseCode = "409", description = "VK: another organization holds this community")
    @ApiResponse(
            responseCode = "422",
            description = "Unknown messenger or invalid input (`errors`: field, code and message each),"
                    + " or refused by the messenger (`reason`)")
    ResponseEntity<?> put(CurrentUser user, @PathVariable UUID organization, @RequestBody MessengerRequest request) {
        var org = visible(user, organization);
        var messenger = request.messenger() == null ? "" : request.messenger().strip();
        if (messenger.equals("MAX")) {
            return saveBot(user, org, request);
        }
        if (messenger.equals("VK")) {
            return saveCommunity(user, org, request);
        }
        return invalid(List.of(Map.of(
                "field",
                "messenger",
                "code",
                "messengerUnknown",
                "message",
                texts.get("linkbase.input.messengerUnknown"))));
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the stored messenger credentials again")
    ResponseEntity<?> verify(CurrentUser user, @PathVariable UUID organization) {
        var org = visible(user, organization);
        var bot = bots.verifyAgain(user, org);
        if (bot.isPresent()) {
            return ResponseEntity.ok(MessengerResource.of(bot.get(), texts));
        }
        return communities
                .verifyAgain(user, org)
                .<ResponseEntity<?>>map(done -> ResponseEntity.ok(MessengerResource.of(done.community(), texts)))
                .orElseGet(this::none);
    }

    @DeleteMapping
    @Operation(summary = "Remove the organization's messenger credentials, VK or MAX")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<?> delete(CurrentUser user, @PathVariable UUID organization) {
        var org = visible(user, organization);
        if (bots.remove(user, org).isPresent() || communities.remove(user, org).isPresent()) {
            return ResponseEntity.noContent().build();
        }
        return none();
    }

    private ResponseEntity<?> saveBot(CurrentUser user, OrganizationSummary org, MessengerRequest request) {
        var outcome = bots.save(user, org, request.botToken(), "api");
        if (outcome instanceof BotCredentials.Outcome.Saved saved) {
            return ResponseEntity.ok(MessengerResource.of(saved.bot(), texts));
        }
        if (outcome instanceof BotCredentials.Outcome.Invalid invalid) {
            return invalid(errors(invalid.problems()));
        }
        if (outcome instanceof BotCredentials.Outcome.Taken) {
            return ResponseEntity.status(CONFLICT)
                    .body(problem(
                            CONFLICT,
                            "bot-taken",
                            texts.get("linkbase.api.botTaken.title"),
                            texts.get("linkbase.botTaken")));
        }
        var refused = (BotCredentials.Outcome.Refused) outcome;
        return refused(refused.reason(), "linkbase.api.max.refused.title");
    }

    private ResponseEntity<?> saveCommunity(CurrentUser user, OrganizationSummary org, MessengerRequest request) {
        var outcome = communities.save(user, org, request.communityId(), request.token(), "api");
        if (outcome instanceof SaveOutcome.Saved saved) {
            return ResponseEntity.ok(MessengerResource.of(saved.community(), texts));
        }
        if (outcome instanceof SaveOutcome.Invalid invalid) {
            return invalid(errors(invalid.problems()));
        }
        if (outcome instanceof SaveOutcome.Refused refused) {
            return refused(refused.reason(), "linkbase.api.refused.title");
        }
        var taken = (SaveOutcome.Taken) outcome;
        return ResponseEntity.status(CONFLICT)
                .body(problem(
                        CONFLICT,
                        "community-taken",
                        texts.get("linkbase.api.taken.title"),
                        texts.get("linkbase.taken", String.valueOf(taken.communityId()))));
    }

    private List<Map<String, String>> errors(List<InputProblem> problems) {
        return problems.stream()
                .map(p -> Map.of("field", p.field(), "code", p.code(), "message", texts.problem(p)))
                .toList();
    }

    private ResponseEntity<?> invalid(List<Map<String, String>> errors) {
        var problem = problem(
                UNPROCESSABLE_CONTENT,
                "invalid-input",
                texts.get("linkbase.api.max.invalid.title"),
                String.join(" ", errors.stream().map(e -> e.get("message")).toList()));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    private ResponseEntity<?> refused(RejectionReason reason, String titleKey) {
        var problem = problem(UNPROCESSABLE_CONTENT, "refused", texts.get(titleKey), texts.reason(reason));
        problem.setProperty("reason", reason.name());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    private OrganizationSummary visible(CurrentUser user, UUID organization) {
        return directory.findVisible(user, organization).orElseThrow(LinkbasePages::notFound);
    }

    private ResponseEntity<?> none() {
        return ResponseEntity.status(NOT_FOUND)
                .body(problem(
                        NOT_FOUND,
                        "no-messenger",
                        texts.get("linkbase.api.max.none.title"),
                        texts.get("linkbase.api.max.none")));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return problem;
    }
}
