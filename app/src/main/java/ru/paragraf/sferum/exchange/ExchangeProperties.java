package ru.paragraf.sferum.exchange;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How exchange tasks are scheduled and run. The cluster itself (check-in interval, threads) is Quartz's
 * configuration under {@code spring.quartz.properties}.
 *
 * @param minimumInterval the shortest time between two scheduled runs that a schedule may ask for
 * @param flushInterval how often a run writes its buffered items and progress, and rereads its cancellation flag
 * @param itemBatchSize how many buffered items make a run write them at once
 * @param historyRetention how long finished runs and their items are kept; the last run of each task stays
 * @param strandedCheckCron when to look for runs that no node executes or will start (Quartz cron)
 * @param retentionCron when to delete runs older than the retention (Quartz cron)
 */
@Validated
@ConfigurationProperties("sferum.exchange")
record ExchangeProperties(
        @DefaultValue("1m") Duration minimumInterval,
        @DefaultValue("1s") Duration flushInterval,
        @DefaultValue("500") @Positive int itemBatchSize,
        @DefaultValue("90d") Duration historyRetention,
        @DefaultValue("30 * * * * ?") String strandedCheckCron,
        @DefaultValue("0 40 3 * * ?") String retentionCron) {}
