package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks as Quartz sees them: one durable, recoverable, non-concurrent job per task, a cron trigger while the
 * task is enabled, and one-off triggers for «Запустить сейчас» and for resuming orphaned runs. Quartz's job store
 * joins the caller's transaction, so a task and its triggers change together or not at all.
 */
@Component
class TaskTriggers {

    static final String JOB_GROUP = "exchange-task";
    static final String KIND = "kind";
    static final String RUN = "run";
    static final String ONE_OFF_GROUP = "exchange-once";
    static final String CRON_GROUP = "exchange-cron";

    private final Scheduler scheduler;
    private final TimeZone zone;

    TaskTriggers(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.zone = TimeZone.getTimeZone(clock.getZone());
    }

    /** Makes the scheduler follow the task: the job exists, and the cron trigger exists exactly while enabled. */
    @Transactional
    void define(Task task) {
        try {
            var job = jobKey(task.id());
            if (!scheduler.checkExists(job)) {
                scheduler.addJob(
                        JobBuilder.newJob(TaskJob.class)
                                .withIdentity(job)
                                .withDescription(task.typeCode())
                                .storeDurably()
                                .requestRecovery()
                                .build(),
                        false);
            }
            var key = new TriggerKey(task.id().toString(), CRON_GROUP);
            var existing = scheduler.getTrigger(key);
            if (!task.enabled()) {
                if (existing != null) {
                    scheduler.unscheduleJob(key);
                }
                return;
            }
            if (existing instanceof CronTrigger cron
                    && cron.getCronExpression().equals(task.cron())
                    && cron.getTimeZone().getID().equals(zone.getID())) {
                return;
            }
            var trigger = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(job)
                    .usingJobData(KIND, TriggerKind.CRON.name())
                    .withSchedule(CronScheduleBuilder.cronSchedule(task.cron())
                            .inTimeZone(zone)
                            .withMisfireHandlingInstructionDoNothing())
                    .build();
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(key, trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule exchange task " + task.id(), e);
        }
    }

    @Transactional
    void remove(UUID task) {
        try {
            scheduler.deleteJob(jobKey(task));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot unschedule exchange task " + task, e);
        }
    }

    /** Fires the task's job now for a queued run; if the task is running, the run waits until it ends. */
    @Transactional
    void fireNow(Task task, UUID run) {
        define(task);
        fire(task.id(), TriggerKind.MANUAL, run, Duration.ZERO);
    }

    /**
     * Fires the task's job once, now: for a queued run ({@code MANUAL}), to take over a stranded run
     * ({@code RESUME}), or to pass a firing on to another node.
     */
    @Transactional
    void fire(UUID task, TriggerKind kind, @Nullable UUID run, Duration delay) {
        try {
            scheduler.scheduleJob(TriggerBuilder.newTrigger()
                    .withIdentity(UUID.randomUUID().toString(), ONE_OFF_GROUP)
                    .forJob(jobKey(task))
                    .usingJobData(KIND, kind.name())
                    .usingJobData(RUN, run == null ? "" : run.toString())
                    .startAt(Date.from(Instant.now().plus(delay)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot fire exchange task " + task, e);
        }
    }

    /** Stops taking firings on this node; firings in progress go on. */
    void standby() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This node's scheduler instance, as stored with the runs it executes. */
    String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    String schedulerName() {
        try {
            return scheduler.getSchedulerName();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    static JobKey jobKey(UUID task) {
        return new JobKey(task.toString(), JOB_GROUP);
    }
}
