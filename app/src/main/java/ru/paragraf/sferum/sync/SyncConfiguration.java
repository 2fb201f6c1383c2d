package ru.paragraf.sferum.sync;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

    @Bean
    TransactionTemplate syncTransactions(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /** The step of lesson times ({@link CallTimes}), a cluster-wide job: Boot registers it with the scheduler. */
    @Bean
    JobDetail callTimesJob() {
        return JobBuilder.newJob(CallTimes.PlanJob.class)
                .withIdentity("call-times", "sync")
                .storeDurably()
                .build();
    }

    /** Every {@code sferum.sync.calls.interval}; a firing missed while no node ran is not made up, the next one is. */
    @Bean
    Trigger callTimesTrigger(JobDetail callTimesJob, SyncProperties properties) {
        return TriggerBuilder.newTrigger()
                .withIdentity("call-times", "sync")
                .forJob(callTimesJob)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(
                                properties.calls().interval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
