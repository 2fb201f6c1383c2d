package ru.paragraf.sferum.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The life of runs: progress, items, how they end, cancelling, coalescing, takeover and fencing. */
class ExchangeRunsTests extends ExchangeContextTests {

    @Autowired
    StrandedRuns strandedRuns;

    @Autowired
    RunItems items;

    @Autowired
    ExchangeTexts texts;

    @Autowired
    RunRetention retention;

    @Autowired
    Tasks tasks;

    @Autowired
    ExchangeTaskStates states;

    @Autowired
    TaskLocks locks;

    @Autowired
    TaskTypes types;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void aRunReportsProgressAndItemsAndEndsSucceeded() {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, false);

        var queued = management.runNow(ADMIN_A_USER, task.id());
        var run = awaitFinished(queued.id());

        assertThat(run.status()).isEqualTo(ExchangeRunStatus.SUCCEEDED);
        assertThat(run.manual()).isTrue();
        assertThat(run.requestedBy()).isEqualTo("Админова А. (adminA)");
        assertThat(run.total()).isEqualTo(3);
        assertThat(run.processed()).isEqualTo(3);
        assertThat(run.counts()).isEqualTo(new ItemCounts(3, 0, 0, 0));
        assertThat(run.startedAt()).isNotNull();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(run.attempt()).isEqualTo(1);
        assertThat(items.count(run.id(), false)).isEqualTo(3);
        await().atMost(5, TimeUnit.SECONDS).until(() -> finished.of(run.id()).isPresent());
        assertThat(finished.of(run.id()).orElseThrow())
                .isEqualTo(new ExchangeRunFinished(
                        run.id(),
                        task.id(),
                        SCHOOL_A,
                        "TEST_OK",
                        ExchangeRunStatus.SUCCEEDED,
                        new ItemCounts(3, 0, 0, 0),
                        run.finishedAt().toInstant()));
    }

    @Test
    void otherModulesSeeWhetherATaskIsOnAndHowItsLastRunEnded() {
        assertThat(states.of(SCHOOL_A, "TEST_PARTIAL")).isEmpty();
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_PARTIAL", null, true);
        assertThat(states.of(SCHOOL_A, "TEST_PARTIAL").orElseThrow().lastRunStatus())
                .isNull();

        var run = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());

        var state = states.of(SCHOOL_A, "TEST_PARTIAL").orElseThrow();
        assertThat(state.enabled()).isTrue();
        assertThat(state.lastRunId()).isEqualTo(run.id());
        assertThat(state.lastRunStatus()).isEqualTo(ExchangeRunStatus.PARTIAL);
        assertThat(state.lastRunCounts()).isEqualTo(new ItemCounts(2, 1, 1, 0));
        assertThat(states.ofType("TEST_PARTIAL"))
                .extracting(ExchangeTaskState::taskId)
                .containsExactly(task.id());
    }

    @Test
    void aRunWithFailedItemsEndsPartial() {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_PARTIAL", null, false);

        var run = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());

        assertThat(run.status()).isEqualTo(ExchangeRunStatus.PARTIAL);
        assertThat(run.counts()).isEqualTo(new ItemCounts(2, 1, 1, 0));
        var errors = items.page(run.id(), true, 0, 10);
        assertThat(errors).singleElement().satisfies(item -> {
            assertThat(item.message()).isEqualTo("error 4");
            assertThat(item.link()).isEqualTo("/staff/" + new UUID(0, 4));
        });
    }

    @Test
    void aRunThatThrowsEndsFailedWithARussianMessageAndLeavesTheTaskFree() {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_FAIL", null, false);

        var first = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());

        assertThat(first.status()).isEqualTo(ExchangeRunStatus.FAILED);
        assertThat(first.message())
                .isEqualTo(texts.text("exchange.run.error.internal"))
                .startsWith("Запуск прерван из-за внутренней ошибки")
                .doesNotContain("internal detail");
        assertThat(first.counts().ok())
                .as("items recorded before the failure stay")
                .isEqualTo(1);
        var second = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.status()).isEqualTo(ExchangeRunStatus.FAILED);
    }

    @Test
    void aTypeThatRefusesEndsTheRunFailedWithItsMessage() {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_REFUSE", null, false);

        var run = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());

        assertThat(run.status()).isEqualTo(ExchangeRunStatus.FAILED);
        assertThat(run.message()).isEqualTo("Тип задачи «TEST_REFUSE» не поддерживается этой версией приложения.");
    }

    @Test
    void progressShowsWhileRunningAndCancellingStopsTheRun() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_GATED", null, false);
        var queued = management.runNow(ADMIN_A_USER, task.id());
        assertThat(gate.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> run(queued.id()).processed() == 3);
        var running = run(queued.id());
        assertThat(running.status()).isEqualTo(ExchangeRunStatus.RUNNING);
        assertThat(running.total()).isEqualTo(10);
        assertThat(running.percent()).isEqualTo(30);
        assertThat(items.count(running.id(), false)).isEqualTo(3);

        management.cancel(ADMIN_A_USER, queued.id());
        var cancelled = awaitFinished(queued.id());

        assertThat(cancelled.status()).isEqualTo(ExchangeRunStatus.CANCELLED);
        assertThat(cancelled.message()).isEqualTo("Запуск остановлен пользователем.");
        assertThat(cancelled.processed()).isEqualTo(3);
    }

    @Test
    void runNowPressedTwiceWhileWaitingQueuesOneRunAfterTheCurrentOne() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_GATED", null, false);
        var first = management.runNow(ADMIN_A_USER, task.id());
        assertThat(gate.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

        var second = management.runNow(ADMIN_A_USER, task.id());
        var third = management.runNow(CITY_USER, task.id());

        assertThat(second.created()).isTrue();
        assertThat(third.created()).isFalse();
        assertThat(third.id()).isEqualTo(second.id());
        assertThat(run(second.id()).status()).isEqualTo(ExchangeRunStatus.QUEUED);
        gate.open.release(2);
        var one = awaitFinished(first.id());
        var two = awaitFinished(second.id());
        assertThat(one.status()).isEqualTo(ExchangeRunStatus.SUCCEEDED);
        assertThat(two.status()).isEqualTo(ExchangeRunStatus.SUCCEEDED);
        assertThat(two.startedAt()).as("one after the other").isAfterOrEqualTo(one.finishedAt());
        assertThat(count("select count(*) from exchange.run where task_id = ?", task.id()))
                .isEqualTo(2);
    }

    @Test
    void cancellingAQueuedRunEndsItAtOnce() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_GATED", null, false);
        management.runNow(ADMIN_A_USER, task.id());
        assertThat(gate.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        var waiting = management.runNow(ADMIN_A_USER, task.id());

        management.cancel(ADMIN_A_USER, waiting.id());

        assertThat(run(waiting.id()).status()).isEqualTo(ExchangeRunStatus.CANCELLED);
        assertThat(finished.of(waiting.id())).isPresent();
    }

    @Test
    void aRunLeftRunningByAStoppedNodeIsTakenOverAndFinished() {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, false);
        var stranded = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into exchange.run (id, task_id, organization_id, type_code, status, manual, queued_at,
                                                  started_at, node, attempt, processed, ok_count)
                        values (:id, :task, :school, 'TEST_OK', 'RUNNING', false, now(), now(), 'node-that-died', 1, 1, 1)
                        """)
                .param("id", stranded)
                .param("task", task.id())
                .param("school", SCHOOL_A)
                .update();
        jdbc.sql(
                        """
                        insert into exchange.run_item (run_id, recorded_at, object_type, action, result)
                        values (:id, now(), 'EMPLOYEE', 'CHECK', 'OK')
                        """)
                .param("id", stranded)
                .update();

        assertThat(strandedRuns.resume()).isEqualTo(1);
        var run = awaitFinished(stranded);

        assertThat(run.status()).isEqualTo(ExchangeRunStatus.SUCCEEDED);
        assertThat(run.attempt()).isEqualTo(2);
        assertThat(run.node()).isNotEqualTo("node-that-died");
        assertThat(run.takenOverAt()).isNotNull();
        assertThat(run.counts()).as("the new attempt starts afresh").isEqualTo(new ItemCounts(3, 0, 0, 0));
        assertThat(items.count(stranded, false)).isEqualTo(3);
        assertThat(strandedRuns.resume()).isZero();
    }

    @Test
    void aStoppingNodeHandsItsRunOverToAnotherNode() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_GATED", null, false);
        var queued = transactions.execute(status -> runs.queue(task, "test", OffsetDateTime.now(clock)));
        // a second node in this JVM: its own executor on the same scheduler
        var stoppingNode = new RunExecutor(
                tasks,
                runs,
                items,
                types,
                new TaskTriggers(scheduler, clock),
                locks,
                texts,
                CronSchedulesTests.properties(Duration.ofMinutes(1)),
                transactions,
                events,
                clock);
        var execution = java.util.concurrent.CompletableFuture.runAsync(
                () -> stoppingNode.execute(task.id(), TriggerKind.MANUAL, queued.id(), false));
        assertThat(gate.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

        stoppingNode.stop();
        scheduler.start(); // stop() put the shared scheduler in standby: let it be the node that stays
        execution.get(30, TimeUnit.SECONDS);
        gate.open.release();
        var run = awaitFinished(queued.id());

        assertThat(run.status()).isEqualTo(ExchangeRunStatus.SUCCEEDED);
        assertThat(run.attempt()).as("taken over by the node that stays").isEqualTo(2);
        assertThat(run.counts().ok()).isEqualTo(10);
    }

    @Test
    void aNodeThatLostItsRunWritesNothingMore() {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, false);
        var taken = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into exchange.run (id, task_id, organization_id, type_code, status, manual, queued_at,
                                                  started_at, node, attempt)
                        values (:id, :task, :school, 'TEST_OK', 'RUNNING', false, now(), now(), 'another-node', 2)
                        """)
                .param("id", taken)
                .param("task", task.id())
                .param("school", SCHOOL_A)
                .update();
        var stale = new RunHandle(
                run(taken),
                1,
                runs,
                items,
                transactions,
                texts,
                clock,
                CronSchedulesTests.properties(Duration.ofMinutes(1)),
                () -> false);

        stale.record(ExchangeRunItem.of(ItemResult.OK, "EMPLOYEE", 1, "x", "CHECK", null));
        stale.flush();

        assertThat(stale.superseded()).isTrue();
        assertThat(stale.cancelled()).as("the type is told to stop").isTrue();
        assertThat(items.count(taken, false)).isZero();
        assertThat(runs.finish(taken, 1, ExchangeRunStatus.SUCCEEDED, null, OffsetDateTime.now()))
                .isFalse();
        assertThat(run(taken).status()).isEqualTo(ExchangeRunStatus.RUNNING);
        jdbc.sql("update exchange.run set status = 'FAILED', finished_at = now() where id = :id")
                .param("id", taken)
                .update();
    }

    @Test
    void retentionDeletesOldRunsButKeepsTheLastOfEachTask() {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, false);
        var old = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());
        var last = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());
        jdbc.sql("update exchange.run set finished_at = finished_at - interval '200 days' where task_id = :task")
                .param("task", task.id())
                .update();

        retention.deleteOld();

        assertThat(runs.find(old.id())).isEmpty();
        assertThat(runs.find(last.id())).isPresent();
        assertThat(items.count(old.id(), false)).isZero();
    }
}
