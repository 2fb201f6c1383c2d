package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Deletes runs and items older than the retention, once a day on one node; the last run of each task stays. */
@Component
class RunRetention {

    private static final Logger log = LoggerFactory.getLogger(RunRetention.class);

    private final Runs runs;
    private final ExchangeProperties properties;
    private final Clock clock;

    RunRetention(Runs runs, ExchangeProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    int deleteOld() {
        var deleted = runs.deleteFinishedBefore(OffsetDateTime.now(clock).minus(properties.historyRetention()));
        log.info("Deleted {} exchange runs older than {}", deleted, properties.historyRetention());
        return deleted;
    }

    /** The Quartz job that deletes. */
    @DisallowConcurrentExecution
    static class DeleteJob implements Job {

        private final RunRetention retention;

        DeleteJob(RunRetention retention) {
            this.retention = retention;
        }

        @Override
        public void execute(JobExecutionContext context) {
            retention.deleteOld();
        }
    }
}
