package ru.paragraf.sferum.exchange;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * API of «Задачи обмена данными», with the same scoping as the pages: what the caller may not see is 404. Refusals
 * of the rules are 422 problem details whose {@code detail} gives the reason in Russian and {@code reason} a code.
 */
@RestController
@RequestMapping("/api")
class ExchangeApi {

    private static final int MAX_PAGE_SIZE = 500;

    private final ExchangeAccess access;
    private final TaskManagement management;
    private final Tasks tasks;
    private final Runs runs;
    private final RunItems items;
    private final TaskTypes types;
    private final CronSchedules crons;
    private final CronWords words;
    private final ExchangeViews views;
    private final RunItemsCsv csv;
    private final ExchangeTexts texts;

    ExchangeApi(
            ExchangeAccess access,
            TaskManagement management,
            Tasks tasks,
            Runs runs,
            RunItems items,
            TaskTypes types,
            CronSchedules crons,
            CronWords words,
            ExchangeViews views,
            RunItemsCsv csv,
            ExchangeTexts texts) {
        this.access = access;
        this.management = management;
        this.tasks = tasks;
        this.runs = runs;
        this.items = items;
        this.types = types;
        this.crons = crons;
        this.words = words;
        this.views = views;
        this.csv = csv;
        this.texts = texts;
    }

    @GetMapping("/exchange-task-types")
    List<TypeOption> types() {
        return types.options();
    }

    @GetMapping("/orgs/{organization}/exchange-tasks")
    List<ApiTask> tasks(CurrentUser user, @PathVariable UUID organization) {
        access.organization(user, organization);
        return tasks.ofOrganization(organization).stream().map(this::task).toList();
    }

    @PostMapping("/orgs/{organization}/exchange-tasks")
    ResponseEntity<ApiTask> create(
            CurrentUser user, @PathVariable UUID organization, @Valid @RequestBody ApiRequests.CreateTask request) {
        var task = management.create(
                user, organization, request.type(), request.cron(), request.enabled() == null || request.enabled());
        return ResponseEntity.created(URI.create("/api/exchange-tasks/" + task.id()))
                .body(task(task));
    }

    @GetMapping("/exchange-tasks/{task}")
    ApiTask task(CurrentUser user, @PathVariable UUID task) {
        return task(access.task(user, task));
    }

    @PutMapping("/exchange-tasks/{task}")
    ApiTask update(CurrentUser user, @PathVariable UUID task, @Valid @RequestBody ApiRequests.UpdateTask request) {
        return task(management.update(user, task, request.cron(), request.enabled()));
    }

    @DeleteMapping("/exchange-tasks/{task}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID task) {
        management.delete(user, task);
        return ResponseEntity.noContent().build();
    }

    /** «Запустить сейчас»: 202 with the queued run; pressing twice while it waits returns the same run. */
    @PostMapping("/exchange-tasks/{task}/runs")
    ResponseEntity<ApiRun> runNow(CurrentUser user, @PathVariable UUID task) {
        var queued = management.runNow(user, task);
        return ResponseEntity.accepted()
                .location(URI.create("/api/exchange-runs/" + queued.id()))
                .body(ApiRun.of(runs.find(queued.id()).orElseThrow()));
    }

    @GetMapping("/exchange-tasks/{task}/runs")
    PageOf<ApiRun> runs(
            CurrentUser user,
            @PathVariable UUID task,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        var found = access.task(user, task);
        var limit = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        var content = runs.ofTask(found.id(), PageOf.offset(page, limit), limit).stream()
                .map(ApiRun::of)
                .toList();
        return new PageOf<>(content, Math.max(1, page), limit, runs.countOfTask(found.id()));
    }

    @GetMapping("/exchange-runs/{run}")
    Map<String, Object> run(
            CurrentUser user,
            @PathVariable UUID run,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(defaultValue = "false") boolean errorsOnly) {
        var found = access.run(user, run);
        var limit = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        var content = items.page(found.id(), errorsOnly, PageOf.offset(page, limit), limit);
        return Map.of(
                "run",
                ApiRun.of(found),
                "items",
                new PageOf<>(content, Math.max(1, page), limit, items.count(found.id(), errorsOnly)));
    }

    @PostMapping("/exchange-runs/{run}/cancel")
    ResponseEntity<ApiRun> cancel(CurrentUser user, @PathVariable UUID run) {
        management.cancel(user, run);
        return ResponseEntity.accepted().body(ApiRun.of(runs.find(run).orElseThrow()));
    }

    @GetMapping("/exchange-runs/{run}/items.csv")
    void export(
            CurrentUser user,
            @PathVariable UUID run,
            @RequestParam(defaultValue = "false") boolean errorsOnly,
            HttpServletResponse response)
            throws IOException {
        ExchangeRunPages.writeCsv(access.run(user, run), errorsOnly, response, csv, views);
    }

    @ExceptionHandler
    ProblemDetail notFound(ExchangeNotFoundException exception) {
        return ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler
    ProblemDetail duplicate(DuplicateTaskTypeException exception) {
        return refused(
                "duplicate-task-type", texts.text("exchange.task.error.duplicate", types.title(exception.typeCode())));
    }

    @ExceptionHandler
    ProblemDetail invalidSchedule(InvalidScheduleException exception) {
        return refused("invalid-cron", texts.text(exception.reason()));
    }

    @ExceptionHandler
    ProblemDetail unknownType(UnknownTaskTypeException exception) {
        return refused("unknown-task-type", texts.text("exchange.task.error.unknownType"));
    }

    @ExceptionHandler
    ProblemDetail running(TaskRunningException exception) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, texts.text("exchange.task.error.running"));
        problem.setProperty("reason", "task-running");
        return problem;
    }

    private static ProblemDetail refused(String reason, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setProperty("reason", reason);
        return problem;
    }

    private ApiTask task(Task task) {
        var next = task.enabled()
                ? crons.next(task.cron(), ExchangeViews.NEXT_RUNS).stream()
                        .map(java.time.ZonedDateTime::toOffsetDateTime)
                        .toList()
                : List.<java.time.OffsetDateTime>of();
        return new ApiTask(
                task.id(),
                task.organizationId(),
                task.typeCode(),
                types.title(task.typeCode()),
                task.cron(),
                words.describe(task.cron()),
                task.enabled(),
                next);
    }
}
