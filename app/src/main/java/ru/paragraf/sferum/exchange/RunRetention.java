package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes runs and items older than the retention, once a day on one node; the last run of each task stays. */
@DisallowConcurrentExecution
class RunRetention implements Job {

    private static final Logger log = LoggerFactory.getLogger(RunRetention.class);

    private final Runs runs;
    private final ExchangeProperties properties;
    private final Clock clock;

    RunRetention(Runs runs, ExchangeProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var deleted = runs.deleteFinishedBefore(OffsetDateTime.now(clock).minus(properties.historyRetention()));
        log.info("Deleted {} exchange runs older than {}", deleted, properties.historyRetention());
    }
}
