package ru.paragraf.sferum.school;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** Read API of school data, with the same scoping as the pages: what the caller may not see is 404. */
@RestController
@RequestMapping("/api")
class SchoolApi {

    private final Organizations organizations;
    private final Journals journals;
    private final Staff staff;

    SchoolApi(Organizations organizations, Journals journals, Staff staff) {
        this.organizations = organizations;
        this.journals = journals;
        this.staff = staff;
    }

    @GetMapping("/orgs")
    List<OrganizationRow> organizations(CurrentUser user) {
        return organizations.visible(SchoolScope.of(user));
    }

    @GetMapping("/orgs/{organization}")
    OrganizationRow organization(CurrentUser user, @PathVariable UUID organization) {
        return organizations.find(SchoolScope.of(user), organization).orElseThrow(SchoolPages::notFound);
    }

    @GetMapping("/orgs/{organization}/journals")
    List<JournalRow> journals(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(required = false) @Nullable JournalKind kind,
            @RequestParam(name = "class", required = false) @Nullable UUID classUnit) {
        var scope = SchoolScope.of(user);
        organizations.find(scope, organization).orElseThrow(SchoolPages::notFound);
        return journals.list(scope, organization, kind, classUnit);
    }

    @GetMapping("/journals/{journal}")
    JournalView journal(CurrentUser user, @PathVariable UUID journal) {
        return journals.find(SchoolScope.of(user), journal).orElseThrow(SchoolPages::notFound);
    }

    @GetMapping("/orgs/{organization}/employees")
    List<EmployeeRow> employees(CurrentUser user, @PathVariable UUID organization) {
        var scope = SchoolScope.of(user);
        organizations.find(scope, organization).orElseThrow(SchoolPages::notFound);
        return staff.list(scope, organization);
    }

    @GetMapping("/employees/{employee}")
    EmployeeView employee(CurrentUser user, @PathVariable UUID employee) {
        return staff.find(SchoolScope.of(user), employee).orElseThrow(SchoolPages::notFound);
    }
}
