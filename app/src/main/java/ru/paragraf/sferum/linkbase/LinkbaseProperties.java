package ru.paragraf.sferum.linkbase;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the link base.
 *
 * @param recheck the automatic re-verification of credentials saved while Sferum was unreachable
 * @param handdown previews of the city's hand-down files
 */
@Validated
@ConfigurationProperties("sferum.linkbase")
record LinkbaseProperties(@DefaultValue Recheck recheck, @DefaultValue Handdown handdown) {

    /**
     * Re-verification of «не проверены» credentials: the n-th failed attempt waits {@code initialBackoff · 2^(n-1)},
     * at most {@code maxBackoff}.
     *
     * @param enabled whether the scheduled job runs on this node
     * @param interval how often the job looks for due credentials (and expired previews)
     * @param batchSize credentials taken per run
     * @param lease how long a node holds credentials it took; after a crash another node takes them then
     */
    record Recheck(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1m") Duration interval,
            @DefaultValue("1m") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("50") @Positive int batchSize,
            @DefaultValue("5m") Duration lease) {

        Duration backoff(int failedAttempts) {
            var factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
            var wait = initialBackoff.multipliedBy(factor);
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /**
     * Hand-down files.
     *
     * @param maxFileSize the largest file accepted
     * @param maxRows the most rows in a file
     * @param parallelism how many rows are verified with Sferum at once (on top of the VK client's limits per token)
     * @param previewLifetime how long a preview with its sealed tokens waits for «Применить»
     * @param reportLifetime how long the report of an applied file stays downloadable (its tokens are erased)
     * @param staleAfter a verification without progress for this long is taken over by another node
     */
    record Handdown(
            @DefaultValue("1MB") DataSize maxFileSize,
            @DefaultValue("3000") @Positive int maxRows,
            @DefaultValue("4") @Positive int parallelism,
            @DefaultValue("2h") Duration previewLifetime,
            @DefaultValue("7d") Duration reportLifetime,
            @DefaultValue("1m") Duration staleAfter) {}
}
