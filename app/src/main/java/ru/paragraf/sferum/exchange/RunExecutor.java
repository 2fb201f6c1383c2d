package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes what a firing of a task's job asks for, on the node that got the firing, holding the task's
 * cluster-wide lock ({@link TaskLocks}): no other firing of the task executes meanwhile on any node, so a run of
 * the task found RUNNING here was left by a node that stopped: it is taken over first, as the next attempt. Then the queued run of «Запустить сейчас»,
 * if any, whatever fired; otherwise a firing of the schedule starts a new run.
 *
 * <p>Every run ends SUCCEEDED, PARTIAL, FAILED or CANCELLED and publishes {@link ExchangeRunFinished}, except when
 * this node is shutting down: then the run stays RUNNING and is handed to another node.
 */
@Component
class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);
    private static final int MAX_RUNS_PER_FIRING = 10;

    private final Tasks tasks;
    private final Runs runs;
    private final RunItems items;
    private final TaskTypes types;
    private final TaskTriggers triggers;
    private final TaskLocks locks;
    private final ExchangeTexts texts;
    private final ExchangeProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile boolean stopping;

    RunExecutor(
            Tasks tasks,
            Runs runs,
            RunItems items,
            TaskTypes types,
            TaskTriggers triggers,
            TaskLocks locks,
            ExchangeTexts texts,
            ExchangeProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.runs = runs;
        this.items = items;
        this.types = types;
        this.triggers = triggers;
        this.locks = locks;
        this.texts = texts;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    void execute(UUID taskId, TriggerKind kind, @Nullable UUID requested, boolean recovering) {
        if (stopping) {
            // acquired just before this node went to standby: let another node do it
            refire(taskId, kind, requested, Duration.ZERO);
            return;
        }
        var found = tasks.find(taskId);
        if (found.isEmpty()) {
            return;
        }
        var lock = locks.tryLock(taskId);
        if (lock.isEmpty()) {
            // another firing of the task executes right now: a schedule's firing is covered by it, the others
            // come back when it has ended
            if (kind != TriggerKind.CRON) {
                refire(taskId, kind, requested, BUSY_RETRY);
            }
            return;
        }
        try (var held = lock.get()) {
            executeLocked(found.get(), kind, recovering);
        }
    }

    /** With the task's lock held: nobody else executes the task, so a RUNNING run of it is an orphan. */
    private void executeLocked(Task task, TriggerKind kind, boolean recovering) {
        var node = triggers.instanceId();
        var orphan = runs.runningOf(task.id());
        if (orphan.isPresent()) {
            var attempt = transactions.execute(status -> runs.takeOver(orphan.get(), node, now()));
            if (attempt != null && attempt.isPresent()) {
                log.info(
                        "Took over run {} of task {} from node {} as attempt {}",
                        orphan.get().id(),
                        task.id(),
                        orphan.get().node(),
                        attempt.get());
                perform(task, orphan.get().id(), attempt.get());
            }
        }
        var scheduled = kind == TriggerKind.CRON && !recovering && task.enabled();
        // one queued run per task: whatever fired, it starts the waiting «Запустить сейчас», also one queued
        // while this firing executed
        for (int i = 0; i < MAX_RUNS_PER_FIRING && !stopping; i++) {
            var queued = runs.queuedOf(task.id());
            if (queued.isPresent() && runs.start(queued.get(), node, now())) {
                perform(task, queued.get(), 1);
            } else if (scheduled) {
                perform(task, runs.startScheduled(task, node, now()), 1);
            } else {
                return;
            }
            scheduled = false;
        }
    }

    private void perform(Task task, UUID runId, int attempt) {
        var run = runs.find(runId).orElseThrow();
        var handle = new RunHandle(run, attempt, runs, items, transactions, texts, clock, properties, () -> stopping);
        ExchangeRunStatus status;
        String message = null;
        try {
            var type = types.find(task.typeCode())
                    .orElseThrow(() ->
                            new ExchangeRunException(texts.text("exchange.run.error.unknownType", task.typeCode())));
            type.run(handle);
            handle.flush();
            status = handle.cancelRequested()
                    ? ExchangeRunStatus.CANCELLED
                    : handle.errors() > 0 ? ExchangeRunStatus.PARTIAL : ExchangeRunStatus.SUCCEEDED;
        } catch (ExchangeRunException e) {
            log.warn("Run {} of task {} failed: {}", runId, task.id(), e.getMessage());
            status = ExchangeRunStatus.FAILED;
            message = e.getMessage();
        } catch (Exception | LinkageError | AssertionError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Run {} of task {} failed", runId, task.id(), e);
            status = ExchangeRunStatus.FAILED;
            message = texts.text("exchange.run.error.internal");
        }
        if (handle.superseded()) {
            log.warn(
                    "Run {} of task {} was taken over by another node; this node's attempt {} ends",
                    runId,
                    task.id(),
                    attempt);
        } else if (stopping && !handle.cancelRequested()) {
            handOver(task, runId, handle);
        } else {
            finish(run, attempt, handle, status, message);
        }
    }

    private void finish(RunRow run, int attempt, RunHandle handle, ExchangeRunStatus status, @Nullable String message) {
        var finalMessage = status == ExchangeRunStatus.CANCELLED ? texts.text("exchange.run.cancelled") : message;
        transactions.executeWithoutResult(tx -> {
            handle.flush();
            if (!handle.superseded() && runs.finish(run.id(), attempt, status, finalMessage, now())) {
                var finished = runs.find(run.id()).orElseThrow();
                events.publishEvent(finished(finished));
            }
        });
    }

    /** This node is stopping: leave the run RUNNING and let another node take it over at once. */
    private void handOver(Task task, UUID runId, RunHandle handle) {
        try {
            handle.flush();
            transactions.executeWithoutResult(tx -> triggers.fire(task.id(), TriggerKind.RESUME, null, Duration.ZERO));
            log.info("Node is stopping: run {} of task {} is handed over to another node", runId, task.id());
        } catch (RuntimeException e) {
            log.warn(
                    "Node is stopping: run {} of task {} stays RUNNING until the stranded-runs check resumes it",
                    runId,
                    task.id(),
                    e);
        }
    }

    private void refire(UUID task, TriggerKind kind, @Nullable UUID run, Duration delay) {
        try {
            transactions.executeWithoutResult(tx -> triggers.fire(task, kind, run, delay));
        } catch (RuntimeException e) {
            log.warn("Firing {} of task {} could not be repeated; the stranded-runs check will", kind, task, e);
        }
    }

    static ExchangeRunFinished finished(RunRow run) {
        return new ExchangeRunFinished(
                run.id(),
                run.taskId(),
                run.organizationId(),
                run.typeCode(),
                run.status(),
                run.counts(),
                run.finishedAt() == null
                        ? java.time.Instant.now()
                        : run.finishedAt().toInstant());
    }

    /**
     * The application is closing: this node takes no more firings, and the runs it executes stop at their next
     * {@link ExchangeRun#cancelled()} and pass to another node, instead of ending as failed or cancelled.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        triggers.standby();
        stopping = true;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
