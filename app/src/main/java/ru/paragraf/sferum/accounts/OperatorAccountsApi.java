package ru.paragraf.sferum.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** Operator accounts in the API, scoped like the page «Учётные записи»: another district's operator is 404. */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts")
class OperatorAccountsApi {

    private final AccountAdministration administration;
    private final MessageSource messages;

    OperatorAccountsApi(AccountAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    /** Without a password the account logs in only through single sign-on. */
    record NewOperatorRequest(
            @NotNull String username,
            @NotNull String displayName,
            @NotNull Role role,
            @Nullable UUID districtId,
            @Nullable String password) {}

    record PasswordRequest(@NotNull String password) {}

    @GetMapping
    @Operation(summary = "Operator accounts in the caller's scope, 50 a page, by name; `q` searches login and name")
    AccountPage list(
            CurrentUser user, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page) {
        return administration.list(AccountScope.operatorsOf(user), q, page);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an operator account",
            description = "A city operator creates CITY_OPERATOR and DISTRICT_OPERATOR accounts, a district operator"
                    + " DISTRICT_OPERATOR accounts of their own district. The password (at least 12 characters) is"
                    + " stored as a hash only; without one the account logs in only through single sign-on. Audited.")
    @ApiResponse(responseCode = "400", description = "Invalid login, name, role, district or password (`reason`)")
    @ApiResponse(responseCode = "409", description = "The login is taken (`reason`: USERNAME_TAKEN)")
    AccountSummary create(CurrentUser user, @Valid @RequestBody NewOperatorRequest body) {
        return administration.createOperator(
                user, body.username(), body.displayName(), body.role(), body.districtId(), body.password());
    }

    @PostMapping("/{account}/disable")
    @Operation(summary = "Disable an operator account (never one's own or the last enabled city operator); audited")
    @ApiResponse(responseCode = "404", description = "No such account in the caller's scope")
    @ApiResponse(responseCode = "409", description = "SELF or LAST_CITY_OPERATOR (`reason`)")
    AccountSummary disable(CurrentUser user, @PathVariable UUID account) {
        return administration.disable(user, AccountScope.operatorsOf(user), account);
    }

    @PostMapping("/{account}/enable")
    @Operation(summary = "Re-enable a disabled operator account; audited")
    @ApiResponse(responseCode = "404", description = "No such account in the caller's scope")
    AccountSummary enable(CurrentUser user, @PathVariable UUID account) {
        return administration.enable(user, AccountScope.operatorsOf(user), account);
    }

    @PutMapping("/{account}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new local password (at least 12 characters); audited, never echoed")
    @ApiResponse(responseCode = "400", description = "PASSWORD_TOO_SHORT (`reason`)")
    @ApiResponse(responseCode = "404", description = "No such account in the caller's scope")
    @ApiResponse(
            responseCode = "409",
            description = "NO_LOCAL_PASSWORD: the account logs in only through single sign-on")
    void password(CurrentUser user, @PathVariable UUID account, @Valid @RequestBody PasswordRequest body) {
        administration.resetPassword(user, AccountScope.operatorsOf(user), account, body.password());
    }

    @ExceptionHandler
    ProblemDetail on(AccountChangeRefusedException refusal) {
        return AccountRefusals.problem(refusal, messages);
    }

    @ExceptionHandler
    ProblemDetail on(AccountNotFoundException missing) {
        return AccountRefusals.notFound(messages);
    }
}
