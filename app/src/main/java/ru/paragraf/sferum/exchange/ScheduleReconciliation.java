package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, brings the scheduler in step with the stored tasks (a restored backup, a failed migration, a change
 * of the application's time zone): finds the differences with one query each and fixes only those.
 */
@Component
class ScheduleReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ScheduleReconciliation.class);

    private final JdbcClient jdbc;
    private final TaskTriggers triggers;
    private final TransactionTemplate transactions;
    private final String zone;

    ScheduleReconciliation(JdbcClient jdbc, TaskTriggers triggers, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.triggers = triggers;
        this.transactions = transactions;
        this.zone = clock.getZone().getId();
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        var scheduler = triggers.schedulerName();
        var outOfStep = tasksOutOfStep(scheduler);
        outOfStep.forEach(task -> transactions.executeWithoutResult(tx -> triggers.define(task)));
        var leftOver = jobsWithoutTask(scheduler);
        leftOver.forEach(task -> transactions.executeWithoutResult(tx -> triggers.remove(task)));
        if (!outOfStep.isEmpty() || !leftOver.isEmpty()) {
            log.info(
                    "Scheduler brought in step: {} tasks rescheduled, {} jobs of deleted tasks removed",
                    outOfStep.size(),
                    leftOver.size());
        }
    }

    private List<Task> tasksOutOfStep(String scheduler) {
        return jdbc.sql(
                        """
                        select t.* from exchange.task t
                        left join exchange.qrtz_job_details j
                               on j.sched_name = :scheduler and j.job_group = :jobs and j.job_name = t.id::text
                        left join exchange.qrtz_cron_triggers c
                               on c.sched_name = :scheduler and c.trigger_group = :crons and c.trigger_name = t.id::text
                        where j.job_name is null
                           or (t.enabled and (c.trigger_name is null or c.cron_expression <> t.cron
                                              or c.time_zone_id is distinct from :zone))
                           or (not t.enabled and c.trigger_name is not null)
                        """)
                .param("scheduler", scheduler)
                .param("jobs", TaskTriggers.JOB_GROUP)
                .param("crons", TaskTriggers.CRON_GROUP)
                .param("zone", zone)
                .query(Task.class)
                .list();
    }

    private List<UUID> jobsWithoutTask(String scheduler) {
        return jdbc.sql(
                        """
                        select j.job_name::uuid from exchange.qrtz_job_details j
                        where j.sched_name = :scheduler and j.job_group = :jobs
                          and not exists (select 1 from exchange.task t where t.id::text = j.job_name)
                        """)
                .param("scheduler", scheduler)
                .param("jobs", TaskTriggers.JOB_GROUP)
                .query(UUID.class)
                .list();
    }
}
