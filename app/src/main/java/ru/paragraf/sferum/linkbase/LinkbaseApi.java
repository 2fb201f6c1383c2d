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
 * The organization's Sferum community in the API, scoped like the page: another school's is 404. The token goes in,
 * never out: answers carry its mask.
 */
@RestController
@RequestMapping("/api/orgs/{organization}/sferum-community")
@Tag(name = "Link base")
class LinkbaseApi {

    private static final String PROBLEMS = "urn:sferum:problem:linkbase:";

    private final OrganizationDirectory directory;
    private final CredentialsManagement management;
    private final LinkbaseTexts texts;

    LinkbaseApi(OrganizationDirectory directory, CredentialsManagement management, LinkbaseTexts texts) {
        this.directory = directory;
        this.management = management;
        this.texts = texts;
    }

    @GetMapping
    @Operation(summary = "The organization's Sferum community: id, masked token, verification state")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller, or no community entered")
    ResponseEntity<?> get(CurrentUser user, @PathVariable UUID organization) {
        var org = visible(user, organization);
        return management
                .find(org)
                .<ResponseEntity<?>>map(stored -> ResponseEntity.ok(CommunityResource.of(stored, texts)))
                .orElseGet(() -> noCommunity());
    }

    @PutMapping
    @Operation(
            summary = "Enter or replace the Sferum community id and community access token",
            description = "The pair is verified with Sferum first. Refused pairs are not stored (422 with `reason`);"
                    + " when Sferum cannot be reached the pair is stored as UNVERIFIED and re-verified later.")
    @ApiResponse(responseCode = "200", description = "Stored, VERIFIED or UNVERIFIED")
    @ApiResponse(responseCode = "409", description = "Another organization holds this community")
    @ApiResponse(
            responseCode = "422",
            description = "Invalid input (`errors`: field and message each) or refused by Sferum (`reason`)")
    ResponseEntity<?> put(CurrentUser user, @PathVariable UUID organization, @RequestBody CredentialsRequest request) {
        var org = visible(user, organization);
        var outcome = management.save(user, org, request.communityId(), request.token(), "api");
        if (outcome instanceof SaveOutcome.Saved saved) {
            return ResponseEntity.ok(CommunityResource.of(saved.community(), texts));
        }
        if (outcome instanceof SaveOutcome.Invalid invalid) {
            List<Map<String, String>> errors = invalid.problems().stream()
                    .map(p -> Map.of("field", p.field(), "code", p.code(), "message", texts.problem(p)))
                    .toList();
            var problem = problem(
                    UNPROCESSABLE_CONTENT,
                    "invalid-input",
                    texts.get("linkbase.api.invalid.title"),
                    errors.stream()
                            .map(error -> error.get("message"))
                            .reduce((a, b) -> a + " " + b)
                            .orElse(""));
            problem.setProperty("errors", errors);
            return ResponseEntity.unprocessableContent().body(problem);
        }
        if (outcome instanceof SaveOutcome.Refused refused) {
            var problem = problem(
                    UNPROCESSABLE_CONTENT,
                    "refused",
                    texts.get("linkbase.api.refused.title"),
                    texts.reason(refused.reason()));
            problem.setProperty("reason", refused.reason().name());
            return ResponseEntity.unprocessableContent().body(problem);
        }
        var taken = (SaveOutcome.Taken) outcome;
        var problem = problem(
                CONFLICT,
                "community-taken",
                texts.get("linkbase.api.taken.title"),
                texts.get("linkbase.taken", String.valueOf(taken.communityId())));
        return ResponseEntity.status(CONFLICT).body(problem);
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the stored credentials with Sferum again")
    ResponseEntity<?> verify(CurrentUser user, @PathVariable UUID organization) {
        var org = visible(user, organization);
        return management
                .verifyAgain(user, org)
                .<ResponseEntity<?>>map(done -> ResponseEntity.ok(CommunityResource.of(done.community(), texts)))
                .orElseGet(() -> noCommunity());
    }

    @DeleteMapping
    @Operation(summary = "Remove the organization's Sferum community")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<?> delete(CurrentUser user, @PathVariable UUID organization) {
        var org = visible(user, organization);
        return management
                .remove(user, org)
                .<ResponseEntity<?>>map(removed -> ResponseEntity.noContent().build())
                .orElseGet(() -> noCommunity());
    }

    private OrganizationSummary visible(CurrentUser user, UUID organization) {
        return directory.findVisible(user, organization).orElseThrow(LinkbasePages::notFound);
    }

    private ResponseEntity<?> noCommunity() {
        return ResponseEntity.status(NOT_FOUND)
                .body(problem(
                        NOT_FOUND,
                        "no-community",
                        texts.get("linkbase.api.none.title"),
                        texts.get("linkbase.api.none")));
    }

    private static ProblemDetail problem(
            org.springframework.http.HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return problem;
    }
}
