package ru.paragraf.sferum.sync;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduled step that keeps each call around its lesson (docs/architecture.md, «Жизнь звонка»): every
 * {@code sferum.sync.calls.interval}, on one node of the cluster at a time, it plans the replacements and the
 * finishes that lesson times have made due, and the start of a closed year's work that a crash left unplanned
 * ({@link Planner#planCallTimes()}). It keeps nothing in memory: what is
 * due follows from the ledger, the lessons and the {@code Clock}, so after a crash or a restart the next firing finds
 * what the last one could not plan.
 */
@Component
class CallTimes {

    private static final Logger log = LoggerFactory.getLogger(CallTimes.class);

    private final Planner planner;
    private final Workers workers;

    CallTimes(Planner planner, Workers workers) {
        this.planner = planner;
        this.workers = workers;
    }

    /** Plans what is due now; returns how many operations were new. */
    int planDue() {
        var planned = planner.planCallTimes();
        if (planned > 0) {
            log.info("Lesson times made {} calls due for replacement or finishing", planned);
            workers.wakeUp();
        }
        return planned;
    }

    /**
     * The Quartz job of the step, in the exchange module's clustered job store: one node fires it at a time, and
     * another takes over when that node is gone. Planning twice would still enqueue once.
     */
    @DisallowConcurrentExecution
    static class PlanJob implements Job {

        private final CallTimes callTimes;

        PlanJob(CallTimes callTimes) {
            this.callTimes = callTimes;
        }

        @Override
        public void execute(JobExecutionContext context) {
            callTimes.planDue();
        }
    }
}
