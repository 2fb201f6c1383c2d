package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's own cluster-wide jobs, registered with the scheduler at start-up (Boot picks up these beans). */
@Configuration(proxyBeanMethods = false)
class MaintenanceJobs {

    @Bean
    JobDetail strandedRunsJob() {
        return JobBuilder.newJob(StrandedRuns.CheckJob.class)
                .withIdentity("stranded-runs", "exchange-maintenance")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger strandedRunsTrigger(JobDetail strandedRunsJob, ExchangeProperties properties, Clock clock) {
        return cron(strandedRunsJob, properties.strandedCheckCron(), clock);
    }

    @Bean
    JobDetail runRetentionJob() {
        return JobBuilder.newJob(RunRetention.DeleteJob.class)
                .withIdentity("run-retention", "exchange-maintenance")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger runRetentionTrigger(JobDetail runRetentionJob, ExchangeProperties properties, Clock clock) {
        return cron(runRetentionJob, properties.retentionCron(), clock);
    }

    private static Trigger cron(JobDetail job, String cron, Clock clock) {
        return TriggerBuilder.newTrigger()
                .withIdentity(job.getKey().getName(), "exchange-maintenance")
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(clock.getZone()))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
