package ru.paragraf.sferum.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored runs and their state transitions. Every write of an executing run names the attempt it belongs to,
 * so a node that lost the run to another node (a takeover increments the attempt) changes nothing any more.
 */
@Repository
class Runs {

    private final JdbcClient jdbc;

    Runs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a run of the task, or returns the run already waiting: pressing «Запустить сейчас» twice queues one. */
    QueuedRun queue(Task task, @Nullable String requestedBy, OffsetDateTime now) {
        // the waiting run may start between the insert that found it and the select: then queue anew
        for (int attempt = 0; attempt < 3; attempt++) {
            var created = insertQueued(task, requestedBy, now);
            if (created.isPresent()) {
                return new QueuedRun(created.get(), true);
            }
            var waiting = queuedOf(task.id());
            if (waiting.isPresent()) {
                return new QueuedRun(waiting.get(), false);
            }
        }
        throw new IllegalStateException("Cannot queue a run of task " + task.id());
    }

    private Optional<UUID> insertQueued(Task task, @Nullable String requestedBy, OffsetDateTime now) {
        return jdbc.sql(
                        """
                        insert into exchange.run (id, task_id, organization_id, type_code, status, manual, requested_by,
                                                  queued_at)
                        values (:id, :task, :organization, :type, 'QUEUED', true, :requestedBy, :now)
                        on conflict (task_id) where status = 'QUEUED' do nothing
                        returning id
                        """)
                .param("id", UUID.randomUUID())
                .param("task", task.id())
                .param("organization", task.organizationId())
                .param("type", task.typeCode())
                .param("requestedBy", requestedBy)
                .param("now", now)
                .query(UUID.class)
                .optional();
    }

    Optional<UUID> queuedOf(UUID task) {
        return jdbc.sql("select id from exchange.run where task_id = :task and status = 'QUEUED'")
                .param("task", task)
                .query(UUID.class)
                .optional();
    }

    Optional<RunRow> runningOf(UUID task) {
        return jdbc.sql("select * from exchange.run where task_id = :task and status = 'RUNNING'")
                .param("task", task)
                .query(RunRow.class)
                .optional();
    }

    Optional<RunRow> find(UUID id) {
        return jdbc.sql("select * from exchange.run where id = :id")
                .param("id", id)
                .query(RunRow.class)
                .optional();
    }

    /** Starts a queued run as attempt 1; false when it is not waiting any more. */
    boolean start(UUID run, String node, OffsetDateTime now) {
        return jdbc.sql(
                                """
                                update exchange.run set status = 'RUNNING', started_at = :now, node = :node, attempt = 1
                                where id = :id and status = 'QUEUED'
                                """)
                        .param("id", run)
                        .param("node", node)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** A scheduled run, started at once. */
    UUID startScheduled(Task task, String node, OffsetDateTime now) {
        var id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into exchange.run (id, task_id, organization_id, type_code, status, manual, queued_at,
                                                  started_at, node, attempt)
                        values (:id, :task, :organization, :type, 'RUNNING', false, :now, :now, :node, 1)
                        """)
                .param("id", id)
                .param("task", task.id())
                .param("organization", task.organizationId())
                .param("type", task.typeCode())
                .param("now", now)
                .param("node", node)
                .update();
        return id;
    }

    /**
     * Takes over a run left RUNNING by a node that stopped: the next attempt starts from scratch on this node, so
     * the items and counters of the interrupted attempt are dropped. Returns the new attempt, or empty when the run
     * changed meanwhile.
     */
    Optional<Integer> takeOver(RunRow run, String node, OffsetDateTime now) {
        var attempt = jdbc.sql(
                        """
                        update exchange.run
                        set attempt = attempt + 1, node = :node, taken_over_at = :now, total = null, processed = 0,
                            ok_count = 0, warning_count = 0, error_count = 0, skipped_count = 0
                        where id = :id and status = 'RUNNING' and attempt = :attempt
                        returning attempt
                        """)
                .param("id", run.id())
                .param("attempt", run.attempt())
                .param("node", node)
                .param("now", now)
                .query(Integer.class)
                .optional();
        attempt.ifPresent(ignored -> jdbc.sql("delete from exchange.run_item where run_id = :id")
                .param("id", run.id())
                .update());
        return attempt;
    }

    /**
     * Adds progress of the current attempt. Returns whether a cancellation was requested, or empty when the run
     * is not this attempt's any more (taken over or finished): then nothing was written.
     */
    Optional<Boolean> progress(UUID run, int attempt, @Nullable Integer total, int processed, ItemCounts added) {
        return jdbc.sql(
                        """
                        update exchange.run
                        set total = coalesce(:total, total), processed = :processed, ok_count = ok_count + :ok,
                            warning_count = warning_count + :warnings, error_count = error_count + :errors,
                            skipped_count = skipped_count + :skipped
                        where id = :id and attempt = :attempt and status = 'RUNNING'
                        returning cancel_requested_at is not null
                        """)
                .param("id", run)
                .param("attempt", attempt)
                .param("total", total)
                .param("processed", processed)
                .param("ok", added.ok())
                .param("warnings", added.warnings())
                .param("errors", added.errors())
                .param("skipped", added.skipped())
                .query(Boolean.class)
                .optional();
    }

    /** Ends the current attempt; false when the run is not this attempt's any more. */
    boolean finish(UUID run, int attempt, ExchangeRunStatus status, @Nullable String message, OffsetDateTime now) {
        return jdbc.sql(
                                """
                                update exchange.run set status = :status, finished_at = :now, message = :message
                                where id = :id and attempt = :attempt and status = 'RUNNING'
                                """)
                        .param("id", run)
                        .param("attempt", attempt)
                        .param("status", status.name())
                        .param("message", message)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Cancels a run that has not started; false when it is not waiting. */
    boolean cancelQueued(UUID run, @Nullable String message, OffsetDateTime now) {
        return jdbc.sql(
                                """
                                update exchange.run
                                set status = 'CANCELLED', finished_at = :now, cancel_requested_at = :now,
                                    message = :message
                                where id = :id and status = 'QUEUED'
                                """)
                        .param("id", run)
                        .param("message", message)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Asks an executing run to stop; it notices at its next progress report. */
    boolean requestCancel(UUID run, OffsetDateTime now) {
        return jdbc.sql(
                                """
                                update exchange.run set cancel_requested_at = :now
                                where id = :id and status = 'RUNNING' and cancel_requested_at is null
                                """)
                        .param("id", run)
                        .param("now", now)
                        .update()
                == 1;
    }

    /**
     * Tasks whose runs nobody will pick up by themselves: a run RUNNING although no scheduler instance executes the
     * task's job (its node stopped in a way Quartz's recovery does not cover, e.g. it shut down after handing the
     * run over failed), or a run QUEUED for longer than {@code settled} with no one-off trigger left to start it.
     */
    List<UUID> strandedTasks(String schedulerName, OffsetDateTime settled) {
        return jdbc.sql(
                        """
                        select distinct r.task_id from exchange.run r
                        where (r.status = 'RUNNING'
                               or (r.status = 'QUEUED' and r.queued_at < :settled
                                   and not exists (select 1 from exchange.qrtz_triggers t
                                                   where t.sched_name = :scheduler and t.job_group = :group
                                                     and t.job_name = r.task_id::text and t.trigger_group = :oneOff)))
                          and not exists (select 1 from exchange.qrtz_fired_triggers f
                                          where f.sched_name = :scheduler and f.job_group = :group
                                            and f.job_name = r.task_id::text and f.state = 'EXECUTING')
                        """)
                .param("scheduler", schedulerName)
                .param("group", TaskTriggers.JOB_GROUP)
                .param("oneOff", TaskTriggers.ONE_OFF_GROUP)
                .param("settled", settled)
                .query(UUID.class)
                .list();
    }

    /** Deletes finished runs older than the cutoff, keeping the latest run of every task. */
    int deleteFinishedBefore(OffsetDateTime cutoff) {
        return jdbc.sql(
                        """
                        delete from exchange.run r
                        where r.finished_at < :cutoff
                          and exists (select 1 from exchange.run newer
                                      where newer.task_id = r.task_id and newer.queued_at > r.queued_at)
                        """)
                .param("cutoff", cutoff)
                .update();
    }

    /** A page of a task's runs, newest first. */
    List<RunRow> ofTask(UUID task, int offset, int limit) {
        return jdbc.sql(
                        """
                        select * from exchange.run where task_id = :task
                        order by queued_at desc, id limit :limit offset :offset
                        """)
                .param("task", task)
                .param("offset", offset)
                .param("limit", limit)
                .query(RunRow.class)
                .list();
    }

    int countOfTask(UUID task) {
        return jdbc.sql("select count(*) from exchange.run where task_id = :task")
                .param("task", task)
                .query(Integer.class)
                .single();
    }

    /** The latest run of each task of an organization. */
    List<RunRow> latestOfOrganization(UUID organization) {
        return jdbc.sql(
                        """
                        select distinct on (task_id) * from exchange.run where organization_id = :organization
                        order by task_id, queued_at desc
                        """)
                .param("organization", organization)
                .query(RunRow.class)
                .list();
    }
}
