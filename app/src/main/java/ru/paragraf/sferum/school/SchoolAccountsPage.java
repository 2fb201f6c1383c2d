package ru.paragraf.sferum.school;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import ru.paragraf.sferum.accounts.AccountAdministration;
import ru.paragraf.sferum.accounts.AccountChangeRefusedException;
import ru.paragraf.sferum.accounts.AccountNotFoundException;
import ru.paragraf.sferum.accounts.AccountRefusals;
import ru.paragraf.sferum.accounts.AccountScope;
import ru.paragraf.sferum.accounts.AccountSummary;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The organization's tab «Учётные записи»: the accounts of its people (admins, teachers, pupils, parents), searched by
 * name or login, 50 a page; disable, re-enable, reset a local password. Its school admin, its district's operator and
 * the city operator; another school is 404. A row's action answers htmx with the row; without scripts the page again.
 */
@Controller
class SchoolAccountsPage {

    private final AccountAdministration administration;
    private final Organizations organizations;
    private final MessageSource messages;

    SchoolAccountsPage(AccountAdministration administration, Organizations organizations, MessageSource messages) {
        this.administration = administration;
        this.organizations = organizations;
        this.messages = messages;
    }

    @GetMapping("/orgs/{organization}/accounts")
    String page(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("organization", visible(user, organization));
        model.addAttribute("accounts", administration.list(AccountScope.school(organization), q, page));
        model.addAttribute("q", q);
        model.addAttribute("base", "/orgs/" + organization + "/accounts/");
        model.addAttribute("listUrl", "/orgs/" + organization + "/accounts");
        // the search field asks for the list only
        return htmx == null ? "school/accounts" : "accounts/operators :: list";
    }

    @PostMapping("/orgs/{organization}/accounts/{account}/disable")
    String disable(
            CurrentUser user,
            @PathVariable UUID organization,
            @PathVariable UUID account,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        visible(user, organization);
        return row(
                organization,
                account,
                htmx,
                model,
                () -> administration.disable(user, AccountScope.school(organization), account));
    }

    @PostMapping("/orgs/{organization}/accounts/{account}/enable")
    String enable(
            CurrentUser user,
            @PathVariable UUID organization,
            @PathVariable UUID account,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        visible(user, organization);
        return row(
                organization,
                account,
                htmx,
                model,
                () -> administration.enable(user, AccountScope.school(organization), account));
    }

    @PostMapping("/orgs/{organization}/accounts/{account}/password")
    String password(
            CurrentUser user,
            @PathVariable UUID organization,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "") String password,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        visible(user, organization);
        model.addAttribute(
                "rowNotice", messages.getMessage("accounts.admin.passwordReset", null, Locale.forLanguageTag("ru")));
        return row(
                organization,
                account,
                htmx,
                model,
                () -> administration.resetPassword(user, AccountScope.school(organization), account, password));
    }

    private OrganizationRow visible(CurrentUser user, UUID organization) {
        return organizations.find(SchoolScope.of(user), organization).orElseThrow(SchoolPages::notFound);
    }

    private String row(
            UUID organization, UUID account, @Nullable String htmx, Model model, Supplier<AccountSummary> change) {
        AccountSummary shown;
        try {
            shown = change.get();
        } catch (AccountNotFoundException e) {
            throw SchoolPages.notFound();
        } catch (AccountChangeRefusedException refusal) {
            model.asMap().remove("rowNotice");
            model.addAttribute("rowError", AccountRefusals.text(refusal, messages));
            shown = administration.find(AccountScope.school(organization), account);
        }
        if (htmx == null) {
            return "redirect:/orgs/" + organization + "/accounts";
        }
        model.addAttribute("a", shown);
        model.addAttribute("base", "/orgs/" + organization + "/accounts/");
        return "accounts/account-row :: row";
    }
}
