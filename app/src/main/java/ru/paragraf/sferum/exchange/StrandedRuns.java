package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safety net under Quartz's own recovery, run by one node of the cluster every minute: fires the job of every
 * task with a stranded run, so that no run stays RUNNING or QUEUED forever whatever happened to its node.
 */
@Component
class StrandedRuns {

    private static final Logger log = LoggerFactory.getLogger(StrandedRuns.class);
    static final Duration SETTLED = Duration.ofMinutes(1);

    private final Runs runs;
    private final TaskTriggers triggers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StrandedRuns(Runs runs, TaskTriggers triggers, TransactionTemplate transactions, Clock clock) {
        this.runs = runs;
        this.triggers = triggers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Fires the tasks with stranded runs; returns how many. */
    int resume() {
        var stranded = runs.strandedTasks(
                triggers.schedulerName(), OffsetDateTime.now(clock).minus(SETTLED));
        for (var task : stranded) {
            log.warn("Task {} has a stranded run; firing it to resume", task);
            transactions.executeWithoutResult(tx -> triggers.fire(task, TriggerKind.RESUME, null, Duration.ZERO));
        }
        return stranded.size();
    }

    /** The Quartz job that runs the check. */
    @DisallowConcurrentExecution
    static class CheckJob implements Job {

        private final StrandedRuns strandedRuns;

        CheckJob(StrandedRuns strandedRuns) {
            this.strandedRuns = strandedRuns;
        }

        @Override
        public void execute(JobExecutionContext context) {
            strandedRuns.resume();
        }
    }
}
