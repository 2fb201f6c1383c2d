package ru.paragraf.sferum.accounts;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * «Учётные записи» of operators: the city operator sees and manages every city and district operator, a district
 * operator those of their district. A row's action answers htmx with the row itself; without scripts the page again.
 */
@Controller
class OperatorAccountsPage {

    private final AccountAdministration administration;
    private final OperatorDistricts districts;
    private final MessageSource messages;

    OperatorAccountsPage(AccountAdministration administration, OperatorDistricts districts, MessageSource messages) {
        this.administration = administration;
        this.districts = districts;
        this.messages = messages;
    }

    /** The fields of the creation form, given back after a refusal (never the password). */
    record NewOperatorForm(String username, String displayName, Role role, @Nullable UUID district, boolean ssoOnly) {}

    @GetMapping("/accounts")
    String page(
            CurrentUser user,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable String created,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("created", created);
        var shown = show(
                user, q, page, new NewOperatorForm("", "", Role.DISTRICT_OPERATOR, user.districtId(), false), model);
        // the search field asks for the list only
        return htmx == null ? shown : "accounts/operators :: list";
    }

    @PostMapping("/accounts")
    String create(
            CurrentUser user,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "DISTRICT_OPERATOR") Role role,
            @RequestParam(required = false) @Nullable UUID district,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "false") boolean ssoOnly,
            Model model) {
        try {
            var account = administration.createOperator(
                    user, username, displayName, role, district, ssoOnly ? null : password);
            return "redirect:/accounts?created="
                    + java.net.URLEncoder.encode(account.username(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (AccountChangeRefusedException refusal) {
            model.addAttribute("createError", AccountRefusals.text(refusal, messages));
            return show(user, "", 0, new NewOperatorForm(username, displayName, role, district, ssoOnly), model);
        }
    }

    @PostMapping("/accounts/{account}/disable")
    String disable(
            CurrentUser user,
            @PathVariable UUID account,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        return row(
                user,
                account,
                htmx,
                model,
                () -> administration.disable(user, AccountScope.operatorsOf(user), account));
    }

    @PostMapping("/accounts/{account}/enable")
    String enable(
            CurrentUser user,
            @PathVariable UUID account,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        return row(
                user, account, htmx, model, () -> administration.enable(user, AccountScope.operatorsOf(user), account));
    }

    @PostMapping("/accounts/{account}/password")
    String password(
            CurrentUser user,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "") String password,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute(
                "rowNotice",
                messages.getMessage("accounts.admin.passwordReset", null, java.util.Locale.forLanguageTag("ru")));
        return row(
                user,
                account,
                htmx,
                model,
                () -> administration.resetPassword(user, AccountScope.operatorsOf(user), account, password));
    }

    private String row(
            CurrentUser user,
            UUID account,
            @Nullable String htmx,
            Model model,
            java.util.function.Supplier<AccountSummary> change) {
        var scope = AccountScope.operatorsOf(user);
        AccountSummary shown;
        try {
            shown = change.get();
        } catch (AccountNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (AccountChangeRefusedException refusal) {
            model.asMap().remove("rowNotice");
            model.addAttribute("rowError", AccountRefusals.text(refusal, messages));
            shown = administration.find(scope, account);
        }
        if (htmx == null) {
            return "redirect:/accounts";
        }
        model.addAttribute("a", shown);
        model.addAttribute("base", "/accounts/");
        model.addAttribute("districtNames", districtNames());
        return "accounts/account-row :: row";
    }

    private String show(CurrentUser user, String q, int page, NewOperatorForm form, Model model) {
        model.addAttribute("accounts", administration.list(AccountScope.operatorsOf(user), q, page));
        model.addAttribute("q", q);
        model.addAttribute("form", form);
        model.addAttribute("districts", districts.all());
        model.addAttribute("districtNames", districtNames());
        model.addAttribute("base", "/accounts/");
        model.addAttribute("listUrl", "/accounts");
        return "accounts/operators";
    }

    private Map<UUID, String> districtNames() {
        return districts.all().stream()
                .collect(Collectors.toMap(OperatorDistricts.District::id, OperatorDistricts.District::name));
    }
}
