package ru.paragraf.sferum.school;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;

/** Pages «Образовательные организации», «Журналы» and «Личные дела сотрудников». */
@Controller
class SchoolPages {

    private final Organizations organizations;
    private final Journals journals;
    private final Staff staff;
    private final JournalPage journalPage;

    SchoolPages(Organizations organizations, Journals journals, Staff staff, JournalPage journalPage) {
        this.organizations = organizations;
        this.journals = journals;
        this.staff = staff;
        this.journalPage = journalPage;
    }

    @GetMapping("/orgs")
    String organizations(CurrentUser user, Model model) {
        model.addAttribute("organizations", organizations.visible(SchoolScope.of(user)));
        return "school/organizations";
    }

    @GetMapping("/orgs/{organization}/journals")
    String journals(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(required = false) @Nullable JournalKind kind,
            @RequestParam(name = "class", required = false) @Nullable UUID classUnit,
            Model model) {
        var scope = SchoolScope.of(user);
        model.addAttribute("organization", organization(scope, organization));
        model.addAttribute("journals", journals.list(scope, organization, kind, classUnit));
        model.addAttribute("classes", journals.classes(organization));
        model.addAttribute("kinds", JournalKind.values());
        model.addAttribute("selectedKind", kind);
        model.addAttribute("selectedClass", classUnit);
        return "school/journals";
    }

    /**
     * A journal and one month of its lessons: {@code ?month=2026-12}. A month outside the journal's year, or one
     * that is not a month, shows the current month rather than an error: people edit URLs.
     */
    @GetMapping("/journals/{journal}")
    String journal(
            CurrentUser user,
            @PathVariable UUID journal,
            @RequestParam(required = false) @Nullable String month,
            Model model) {
        journalPage.fill(user, journal, JournalMonths.parse(month), model);
        return "school/journal";
    }

    @GetMapping("/orgs/{organization}/staff")
    String staff(CurrentUser user, @PathVariable UUID organization, Model model) {
        var scope = SchoolScope.of(user);
        model.addAttribute("organization", organization(scope, organization));
        model.addAttribute("employees", staff.list(scope, organization));
        return "school/staff";
    }

    @GetMapping("/staff/{employee}")
    String employee(
            CurrentUser user,
            @PathVariable UUID employee,
            @RequestParam(defaultValue = "general") String tab,
            Model model) {
        var scope = SchoolScope.of(user);
        model.addAttribute("employee", staff.find(scope, employee).orElseThrow(SchoolPages::notFound));
        model.addAttribute("tab", "journals".equals(tab) ? "journals" : "general");
        if ("journals".equals(tab)) {
            model.addAttribute("journals", staff.journalsOf(scope, employee));
        }
        return "school/employee";
    }

    private OrganizationRow organization(SchoolScope scope, UUID id) {
        return organizations.find(scope, id).orElseThrow(SchoolPages::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(NOT_FOUND);
    }
}
