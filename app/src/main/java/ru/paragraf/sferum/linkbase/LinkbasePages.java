package ru.paragraf.sferum.linkbase;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.OrganizationDirectory;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.ScopedOrganizations;

/**
 * «Система мониторинга информационных ресурсов»: the list of organizations with the state of their credentials (for
 * operators), and an organization's tab «База ссылок» with its Sferum community: enter, re-verify, replace, remove.
 */
@Controller
class LinkbasePages {

    private final OrganizationDirectory directory;
    private final ScopedOrganizations organizations;
    private final SferumCommunities communities;
    private final CredentialsManagement management;
    private final BotCredentials bots;
    private final LinkbaseTexts texts;

    LinkbasePages(
            OrganizationDirectory directory,
            ScopedOrganizations organizations,
            SferumCommunities communities,
            CredentialsManagement management,
            BotCredentials bots,
            LinkbaseTexts texts) {
        this.directory = directory;
        this.organizations = organizations;
        this.communities = communities;
        this.management = management;
        this.bots = bots;
        this.texts = texts;
    }

    @GetMapping("/linkbase")
    Object overview(CurrentUser user, Model model) {
        if (user.is(Role.SCHOOL_ADMIN)) {
            return new RedirectView("/orgs/" + user.organizationId() + "/linkbase");
        }
        var visible = organizations.visible(user);
        var rows = OverviewRow.of(
                visible,
                communities.findAll(
                        visible.stream().map(OrganizationSummary::id).toList()),
                texts);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "counts",
                rows.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                OverviewRow::state, java.util.stream.Collectors.counting())));
        model.addAttribute("mayImport", user.is(Role.CITY_OPERATOR) || user.is(Role.DISTRICT_OPERATOR));
        return "linkbase/overview";
    }

    @GetMapping("/orgs/{organization}/linkbase")
    String tab(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(defaultValue = "false") boolean replace,
            Model model) {
        var org = visible(user, organization);
        model.addAttribute("form", CredentialsForm.empty());
        return page(org, replace, model);
    }

    @PostMapping("/orgs/{organization}/linkbase")
    String save(
            CurrentUser user,
            @PathVariable UUID organization,
            @ModelAttribute("form") CredentialsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var org = visible(user, organization);
        if (form.max()) {
            return saveBot(user, org, form, result, model, redirect);
        }
        var outcome = management.save(user, org, form.communityId(), form.token(), "form");
        if (outcome instanceof SaveOutcome.Saved saved) {
            var state = saved.community().state();
            redirect.addFlashAttribute("notice", texts.get("linkbase.saved." + state.name()));
            redirect.addFlashAttribute("noticeKind", state == VerificationState.VERIFIED ? "success" : "warning");
            return "redirect:/orgs/" + organization + "/linkbase";
        }
        if (outcome instanceof SaveOutcome.Invalid invalid) {
            invalid.problems()
                    .forEach(problem -> result.rejectValue(
                            problem.field(),
                            problem.messageKey(),
                            problem.arguments().toArray(),
                            null));
        } else if (outcome instanceof SaveOutcome.Refused refused) {
            result.reject("linkbase.refused", new Object[] {texts.reason(refused.reason())}, null);
            model.addAttribute(
                    "refusedField",
                    refused.reason() == RejectionReason.UNKNOWN_COMMUNITY
                            ? InputProblem.COMMUNITY_ID
                            : InputProblem.TOKEN);
        } else if (outcome instanceof SaveOutcome.Taken taken) {
            result.reject("linkbase.taken", new Object[] {String.valueOf(taken.communityId())}, null);
            model.addAttribute("refusedField", InputProblem.COMMUNITY_ID);
        }
        return page(org, true, model);
    }

    private String saveBot(
            CurrentUser user,
            OrganizationSummary org,
            CredentialsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var outcome = bots.save(user, org, form.botToken(), "form");
        if (outcome instanceof BotCredentials.Outcome.Saved saved) {
            var state = saved.bot().state();
            redirect.addFlashAttribute("notice", texts.get("linkbase.max.saved." + state.name()));
            redirect.addFlashAttribute("noticeKind", state == VerificationState.VERIFIED ? "success" : "warning");
            return "redirect:/orgs/" + org.id() + "/linkbase";
        }
        if (outcome instanceof BotCredentials.Outcome.Invalid invalid) {
            invalid.problems()
                    .forEach(problem -> result.rejectValue(
                            problem.field(),
                            problem.messageKey(),
                            problem.arguments().toArray(),
                            null));
        } else if (outcome instanceof BotCredentials.Outcome.Refused refused) {
            result.reject("linkbase.max.refused", new Object[] {texts.reason(refused.reason())}, null);
            model.addAttribute("refusedField", InputProblem.BOT_TOKEN);
        } else if (outcome instanceof BotCredentials.Outcome.Taken) {
            result.reject("linkbase.botTaken");
            model.addAttribute("refusedField", InputProblem.BOT_TOKEN);
        }
        return page(org, true, model);
    }

    @PostMapping("/orgs/{organization}/linkbase/verify")
    String verify(CurrentUser user, @PathVariable UUID organization, RedirectAttributes redirect) {
        var org = visible(user, organization);
        var bot = bots.verifyAgain(user, org);
        if (bot.isPresent()) {
            var state = bot.get().state();
            redirect.addFlashAttribute("notice", texts.get("linkbase.max.reverified", texts.botState(bot.get())));
            redirect.addFlashAttribute(
                    "noticeKind",
                    state == VerificationState.VERIFIED
                            ? "success"
                            : state == VerificationState.FAILED ? "danger" : "warning");
            return "redirect:/orgs/" + organization + "/linkbase";
        }
        var done = management.verifyAgain(user, org).orElseThrow(LinkbasePages::notFound);
        var verdict = done.verdict();
        if (verdict instanceof CommunityVerdict.Verified) {
            redirect.addFlashAttribute("notice", texts.get("linkbase.reverified.VERIFIED"));
            redirect.addFlashAttribute("noticeKind", "success");
        } else if (verdict instanceof CommunityVerdict.Rejected refused) {
            redirect.addFlashAttribute(
                    "notice", texts.get("linkbase.reverified.REJECTED", texts.reason(refused.reason())));
            redirect.addFlashAttribute("noticeKind", "danger");
        } else {
            redirect.addFlashAttribute("notice", texts.get("linkbase.reverified.UNREACHABLE"));
            redirect.addFlashAttribute("noticeKind", "warning");
        }
        return "redirect:/orgs/" + organization + "/linkbase";
    }

    @GetMapping("/orgs/{organization}/linkbase/remove")
    String confirmRemoval(CurrentUser user, @PathVariable UUID organization, Model model) {
        var org = visible(user, organization);
        var stored = management.find(org).orElseThrow(LinkbasePages::notFound);
        model.addAttribute("organization", org);
        model.addAttribute("community", CommunityView.of(stored, texts));
        return "linkbase/remove";
    }

    @PostMapping("/orgs/{organization}/linkbase/remove")
    String remove(CurrentUser user, @PathVariable UUID organization, RedirectAttributes redirect) {
        var org = visible(user, organization);
        management.remove(user, org).orElseThrow(LinkbasePages::notFound);
        redirect.addFlashAttribute("notice", texts.get("linkbase.removed"));
        redirect.addFlashAttribute("noticeKind", "success");
        return "redirect:/orgs/" + organization + "/linkbase";
    }

    private String page(OrganizationSummary organization, boolean replace, Model model) {
        var stored = management.find(organization);
        var bot = bots.find(organization);
        model.addAttribute("organization", organization);
        model.addAttribute("bot", bot.map(b -> BotView.of(b, texts)).orElse(null));
        model.addAttribute(
                "community", stored.map(c -> CommunityView.of(c, texts)).orElse(null));
        model.addAttribute("showForm", (stored.isEmpty() && bot.isEmpty()) || replace);
        model.addAttribute("tokenMin", CredentialsInput.MIN_TOKEN_LENGTH);
        model.addAttribute("tokenMax", CredentialsInput.MAX_TOKEN_LENGTH);
        return "linkbase/tab";
    }

    private OrganizationSummary visible(CurrentUser user, UUID organization) {
        return directory.findVisible(user, organization).orElseThrow(LinkbasePages::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(NOT_FOUND);
    }
}
