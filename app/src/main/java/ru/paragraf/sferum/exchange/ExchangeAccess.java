package ru.paragraf.sferum.exchange;

import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.OrganizationDirectory;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * Which organizations, tasks and runs a person may see: administrators (school admin, district and city operator)
 * within the organizations school scopes them to. Anything else is reported as not found.
 */
@Component
class ExchangeAccess {

    private final OrganizationDirectory organizations;
    private final Tasks tasks;
    private final Runs runs;

    ExchangeAccess(OrganizationDirectory organizations, Tasks tasks, Runs runs) {
        this.organizations = organizations;
        this.tasks = tasks;
        this.runs = runs;
    }

    OrganizationSummary organization(CurrentUser user, UUID id) {
        if (!user.role().isAdministrator()) {
            throw new ExchangeNotFoundException("Organization");
        }
        return organizations.findVisible(user, id).orElseThrow(() -> new ExchangeNotFoundException("Organization"));
    }

    Task task(CurrentUser user, UUID id) {
        var task = tasks.find(id).orElseThrow(() -> new ExchangeNotFoundException("Task"));
        organization(user, task.organizationId());
        return task;
    }

    RunRow run(CurrentUser user, UUID id) {
        var run = runs.find(id).orElseThrow(() -> new ExchangeNotFoundException("Run"));
        organization(user, run.organizationId());
        return run;
    }
}
