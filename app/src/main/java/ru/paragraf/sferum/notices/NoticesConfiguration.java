package ru.paragraf.sferum.notices;

import java.time.Clock;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mailbox chosen by configuration (an SMTP host → mail is sent; none → kept for the demo page) and the
 * module's two cluster-wide Quartz jobs (Boot registers these beans with the clustered scheduler, so each firing
 * runs on one node): the district summary and the daily digests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticesProperties.class)
class NoticesConfiguration {

    private static final String GROUP = "notices";

    @Bean
    @ConditionalOnProperty("spring.mail.host")
    Mailbox smtpMailbox(ObjectProvider<JavaMailSender> sender, NoticesProperties properties) {
        return new SmtpMailbox(sender.getObject(), properties.mailFrom());
    }

    @Bean
    @ConditionalOnMissingBean(Mailbox.class)
    Mailbox outbox(JdbcClient jdbc, Clock clock) {
        return new Outbox(jdbc, clock);
    }

    @Bean
    JobDetail noticeDigestJob() {
        return JobBuilder.newJob(Digests.DigestJob.class)
                .withIdentity("digests", GROUP)
                .storeDurably()
                .build();
    }

    @Bean
    Trigger noticeDigestTrigger(JobDetail noticeDigestJob, NoticesProperties properties, Clock clock) {
        return cron(noticeDigestJob, properties.digestCron(), clock);
    }

    @Bean
    JobDetail schoolsSummaryJob() {
        return JobBuilder.newJob(SchoolsSummary.SummaryJob.class)
                .withIdentity("schools-summary", GROUP)
                .storeDurably()
                .build();
    }

    @Bean
    Trigger schoolsSummaryTrigger(JobDetail schoolsSummaryJob, NoticesProperties properties, Clock clock) {
        return cron(schoolsSummaryJob, properties.summaryCron(), clock);
    }

    private static Trigger cron(JobDetail job, String cron, Clock clock) {
        return TriggerBuilder.newTrigger()
                .withIdentity(job.getKey().getName(), GROUP)
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(clock.getZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
