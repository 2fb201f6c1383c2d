package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * What people do with exchange tasks: add, reschedule, switch on and off, delete, «Запустить сейчас», stop a run.
 * Each change, its scheduler triggers and its audit entry commit in one transaction.
 */
@Service
class TaskManagement {

    private final ExchangeAccess access;
    private final Tasks tasks;
    private final Runs runs;
    private final TaskTypes types;
    private final CronSchedules crons;
    private final TaskTriggers triggers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ExchangeTexts texts;
    private final Clock clock;

    TaskManagement(
            ExchangeAccess access,
            Tasks tasks,
            Runs runs,
            TaskTypes types,
            CronSchedules crons,
            TaskTriggers triggers,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ExchangeTexts texts,
            Clock clock) {
        this.access = access;
        this.tasks = tasks;
        this.runs = runs;
        this.types = types;
        this.crons = crons;
        this.triggers = triggers;
        this.audit = audit;
        this.events = events;
        this.texts = texts;
        this.clock = clock;
    }

    /** Adds a task of the type; the schedule defaults to every 10 minutes. */
    @Transactional
    Task create(CurrentUser user, UUID organization, String typeCode, @Nullable String cron, boolean enabled) {
        access.organization(user, organization);
        types.find(typeCode).orElseThrow(() -> new UnknownTaskTypeException(typeCode));
        var schedule = crons.check(cron == null ? SchedulePreset.DEFAULT.cron(null, null) : cron);
        if (tasks.exists(organization, typeCode)) {
            throw new DuplicateTaskTypeException(typeCode);
        }
        var now = now();
        var task = new Task(UUID.randomUUID(), organization, typeCode, schedule, enabled, now, now);
        try {
            tasks.insert(task);
        } catch (DuplicateKeyException e) {
            throw new DuplicateTaskTypeException(typeCode);
        }
        triggers.define(task);
        audit.record(AuditEntry.by(user, organization, "EXCHANGE_TASK_CREATED", subject(task))
                .with("type", typeCode)
                .with("cron", schedule)
                .with("enabled", enabled));
        events.publishEvent(new ExchangeTaskChanged(task.id(), organization, typeCode, enabled));
        return task;
    }

    @Transactional
    Task update(CurrentUser user, UUID taskId, String cron, boolean enabled) {
        var task = access.task(user, taskId);
        var schedule = crons.check(cron);
        if (schedule.equals(task.cron()) && enabled == task.enabled()) {
            return task;
        }
        var now = now();
        tasks.update(task.id(), schedule, enabled, now);
        var updated =
                new Task(task.id(), task.organizationId(), task.typeCode(), schedule, enabled, task.createdAt(), now);
        triggers.define(updated);
        audit.record(AuditEntry.by(user, task.organizationId(), "EXCHANGE_TASK_UPDATED", subject(task))
                .with("type", task.typeCode())
                .with("cronBefore", task.cron())
                .with("cron", schedule)
                .with("enabledBefore", task.enabled())
                .with("enabled", enabled));
        if (enabled != task.enabled()) {
            events.publishEvent(new ExchangeTaskChanged(task.id(), task.organizationId(), task.typeCode(), enabled));
        }
        return updated;
    }

    /** Deletes the task with its history; refused while a run executes, so that no run is cut off unseen. */
    @Transactional
    void delete(CurrentUser user, UUID taskId) {
        var task = access.task(user, taskId);
        if (runs.runningOf(task.id()).isPresent()) {
            throw new TaskRunningException();
        }
        tasks.delete(task.id());
        triggers.remove(task.id());
        audit.record(AuditEntry.by(user, task.organizationId(), "EXCHANGE_TASK_DELETED", subject(task))
                .with("type", task.typeCode()));
        events.publishEvent(new ExchangeTaskChanged(task.id(), task.organizationId(), task.typeCode(), false));
    }

    /** «Запустить сейчас»: queues a run, or finds the one already waiting, and fires the task on some node. */
    @Transactional
    QueuedRun runNow(CurrentUser user, UUID taskId) {
        var task = access.task(user, taskId);
        var queued = runs.queue(task, user.displayName() + " (" + user.username() + ")", now());
        if (queued.created()) {
            triggers.fireNow(task, queued.id());
            audit.record(AuditEntry.by(user, task.organizationId(), "EXCHANGE_RUN_REQUESTED", subject(task))
                    .with("type", task.typeCode())
                    .with("run", queued.id()));
        }
        return queued;
    }

    /** «Остановить»: a waiting run is cancelled at once; an executing one stops at its next progress report. */
    @Transactional
    void cancel(CurrentUser user, UUID runId) {
        var run = access.run(user, runId);
        if (runs.cancelQueued(run.id(), texts.text("exchange.run.cancelled"), now())) {
            events.publishEvent(RunExecutor.finished(runs.find(run.id()).orElseThrow()));
        } else if (!runs.requestCancel(run.id(), now())) {
            return;
        }
        audit.record(AuditEntry.by(user, run.organizationId(), "EXCHANGE_RUN_CANCELLED", "exchange-run:" + run.id())
                .with("type", run.typeCode()));
    }

    private static String subject(Task task) {
        return "exchange-task:" + task.id();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
