package ru.paragraf.sferum.exchange;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.paragraf.sferum.accounts.CurrentUser;

/** Pages «Задачи обмена данными»: the tasks of an organization, adding one, and the task page. */
@Controller
class ExchangeTaskPages {

    static final int RUNS_PER_PAGE = 20;

    private final ExchangeAccess access;
    private final TaskManagement management;
    private final Tasks tasks;
    private final Runs runs;
    private final TaskTypes types;
    private final ExchangeViews views;
    private final ExchangeTexts texts;

    ExchangeTaskPages(
            ExchangeAccess access,
            TaskManagement management,
            Tasks tasks,
            Runs runs,
            TaskTypes types,
            ExchangeViews views,
            ExchangeTexts texts) {
        this.access = access;
        this.management = management;
        this.tasks = tasks;
        this.runs = runs;
        this.types = types;
        this.views = views;
        this.texts = texts;
    }

    @GetMapping("/orgs/{organization}/exchange-tasks")
    String list(CurrentUser user, @PathVariable UUID organization, Model model) {
        model.addAttribute("organization", access.organization(user, organization));
        var latest = runs.latestOfOrganization(organization).stream()
                .collect(Collectors.toMap(RunRow::taskId, Function.identity()));
        model.addAttribute(
                "tasks",
                tasks.ofOrganization(organization).stream()
                        .map(task -> views.task(task, latest.get(task.id())))
                        .toList());
        model.addAttribute("types", types.options());
        return "exchange/tasks";
    }

    @PostMapping("/orgs/{organization}/exchange-tasks")
    String add(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(defaultValue = "") String type,
            Model model,
            RedirectAttributes redirect) {
        try {
            var task = management.create(user, organization, type, null, true);
            redirect.addFlashAttribute("notice", texts.text("exchange.task.added"));
            return "redirect:/exchange-tasks/" + task.id();
        } catch (DuplicateTaskTypeException e) {
            model.addAttribute("addError", texts.text("exchange.task.error.duplicate", types.title(e.typeCode())));
        } catch (UnknownTaskTypeException e) {
            model.addAttribute("addError", texts.text("exchange.task.error.unknownType"));
        }
        model.addAttribute("selectedType", type);
        return list(user, organization, model);
    }

    @GetMapping("/exchange-tasks/{task}")
    String task(CurrentUser user, @PathVariable UUID task, @RequestParam(defaultValue = "1") int page, Model model) {
        var found = access.task(user, task);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ScheduleForm.of(found));
        }
        model.addAttribute("organization", access.organization(user, found.organizationId()));
        model.addAttribute("task", views.task(found, null));
        model.addAttribute("presets", SchedulePreset.values());
        var history = runs.ofTask(found.id(), PageOf.offset(page, RUNS_PER_PAGE), RUNS_PER_PAGE).stream()
                .map(views::run)
                .toList();
        model.addAttribute(
                "runs", new PageOf<>(history, Math.max(1, page), RUNS_PER_PAGE, runs.countOfTask(found.id())));
        return "exchange/task";
    }

    @PostMapping("/exchange-tasks/{task}")
    String schedule(
            CurrentUser user,
            @PathVariable UUID task,
            @ModelAttribute("form") ScheduleForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            management.update(user, task, form.expression(), form.on());
            redirect.addFlashAttribute("notice", texts.text("exchange.task.saved"));
            return "redirect:/exchange-tasks/" + task;
        } catch (InvalidScheduleException e) {
            model.addAttribute("scheduleError", texts.text(e.reason()));
            return task(user, task, 1, model);
        }
    }

    @PostMapping("/exchange-tasks/{task}/runs")
    String runNow(CurrentUser user, @PathVariable UUID task, RedirectAttributes redirect) {
        var queued = management.runNow(user, task);
        redirect.addFlashAttribute(
                "notice", texts.text(queued.created() ? "exchange.run.queued" : "exchange.run.alreadyQueued"));
        return "redirect:/exchange-runs/" + queued.id();
    }

    @PostMapping("/exchange-tasks/{task}/delete")
    String delete(CurrentUser user, @PathVariable UUID task, RedirectAttributes redirect) {
        var organization = access.task(user, task).organizationId();
        try {
            management.delete(user, task);
        } catch (TaskRunningException e) {
            redirect.addFlashAttribute("error", texts.text("exchange.task.error.running"));
            return "redirect:/exchange-tasks/" + task;
        }
        redirect.addFlashAttribute("notice", texts.text("exchange.task.deleted"));
        return "redirect:/orgs/" + organization + "/exchange-tasks";
    }
}
