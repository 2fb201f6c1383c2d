package ru.paragraf.sferum.school;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.AccountAdministration;
import ru.paragraf.sferum.accounts.AccountChangeRefusedException;
import ru.paragraf.sferum.accounts.AccountNotFoundException;
import ru.paragraf.sferum.accounts.AccountPage;
import ru.paragraf.sferum.accounts.AccountRefusals;
import ru.paragraf.sferum.accounts.AccountScope;
import ru.paragraf.sferum.accounts.AccountSummary;
import ru.paragraf.sferum.accounts.CurrentUser;

/** A school's accounts in the API, scoped like the page: another school's are 404, a teacher's request 403. */
@RestController
@RequestMapping("/api/orgs/{organization}/accounts")
@Tag(name = "School")
class SchoolAccountsApi {

    private final AccountAdministration administration;
    private final Organizations organizations;
    private final MessageSource messages;

    SchoolAccountsApi(AccountAdministration administration, Organizations organizations, MessageSource messages) {
        this.administration = administration;
        this.organizations = organizations;
        this.messages = messages;
    }

    record PasswordRequest(@NotNull String password) {}

    @GetMapping
    @Operation(summary = "The school's accounts, 50 a page, by name; `q` searches login and name")
    @ApiResponse(responseCode = "404", description = "No such organization for the caller")
    AccountPage list(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page) {
        return administration.list(scope(user, organization), q, page);
    }

    @PostMapping("/{account}/disable")
    @Operation(summary = "Disable an account of the school (never one's own); audited")
    @ApiResponse(responseCode = "404", description = "No such organization or account for the caller")
    @ApiResponse(responseCode = "409", description = "SELF (`reason`)")
    AccountSummary disable(CurrentUser user, @PathVariable UUID organization, @PathVariable UUID account) {
        return administration.disable(user, scope(user, organization), account);
    }

    @PostMapping("/{account}/enable")
    @Operation(summary = "Re-enable a disabled account of the school; audited")
    @ApiResponse(responseCode = "404", description = "No such organization or account for the caller")
    AccountSummary enable(CurrentUser user, @PathVariable UUID organization, @PathVariable UUID account) {
        return administration.enable(user, scope(user, organization), account);
    }

    @PutMapping("/{account}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new local password (at least 12 characters); audited, never echoed")
    @ApiResponse(responseCode = "400", description = "PASSWORD_TOO_SHORT (`reason`)")
    @ApiResponse(responseCode = "404", description = "No such organization or account for the caller")
    @ApiResponse(
            responseCode = "409",
            description = "NO_LOCAL_PASSWORD: the account logs in only through single sign-on")
    void password(
            CurrentUser user,
            @PathVariable UUID organization,
            @PathVariable UUID account,
            @Valid @RequestBody PasswordRequest body) {
        administration.resetPassword(user, scope(user, organization), account, body.password());
    }

    @ExceptionHandler
    ProblemDetail on(AccountChangeRefusedException refusal) {
        return AccountRefusals.problem(refusal, messages);
    }

    @ExceptionHandler
    ProblemDetail on(AccountNotFoundException missing) {
        return AccountRefusals.notFound(messages);
    }

    private AccountScope scope(CurrentUser user, UUID organization) {
        organizations.find(SchoolScope.of(user), organization).orElseThrow(SchoolPages::notFound);
        return AccountScope.school(organization);
    }
}
