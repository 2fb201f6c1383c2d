package ru.paragraf.sferum.exchange;

import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one task. {@link DisallowConcurrentExecution} makes the clustered job store block the task's
 * other triggers while one fires, on every node; {@link TaskLocks} covers the cases where Quartz's cluster still
 * fires two at once.
 */
@DisallowConcurrentExecution
class TaskJob implements Job {

    private final RunExecutor executor;

    TaskJob(RunExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        var run = data.getString(TaskTriggers.RUN);
        executor.execute(
                UUID.fromString(context.getJobDetail().getKey().getName()),
                TriggerKind.valueOf(data.getString(TaskTriggers.KIND)),
                run == null || run.isEmpty() ? null : UUID.fromString(run),
                context.isRecovering());
    }
}
