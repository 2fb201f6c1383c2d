package ru.paragraf.sferum.exchange;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored run with its progress and counters. */
record RunRow(
        UUID id,
        UUID taskId,
        UUID organizationId,
        String typeCode,
        ExchangeRunStatus status,
        boolean manual,
        @Nullable String requestedBy,
        OffsetDateTime queuedAt,
        @Nullable OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable String node,
        int attempt,
        @Nullable OffsetDateTime takenOverAt,
        @Nullable Integer total,
        int processed,
        int okCount,
        int warningCount,
        int errorCount,
        int skippedCount,
        @Nullable String message,
        @Nullable OffsetDateTime cancelRequestedAt) {

    ItemCounts counts() {
        return new ItemCounts(okCount, warningCount, errorCount, skippedCount);
    }

    @Nullable
    Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** Percent done, or null while the total is unknown. */
    @Nullable
    Integer percent() {
        if (status.isFinished() && status != ExchangeRunStatus.CANCELLED && status != ExchangeRunStatus.FAILED) {
            return 100;
        }
        return total == null || total <= 0 ? null : Math.min(100, processed * 100 / total);
    }
}
