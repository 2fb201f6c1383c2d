package ru.paragraf.sferum.exchange;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A run in the API. */
record ApiRun(
        UUID id,
        UUID taskId,
        UUID organizationId,
        String type,
        ExchangeRunStatus status,
        boolean manual,
        @Nullable String requestedBy,
        OffsetDateTime queuedAt,
        @Nullable OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable Long durationSeconds,
        @Nullable Integer total,
        int processed,
        ItemCounts counts,
        @Nullable String message,
        int attempt,
        @Nullable String node) {

    static ApiRun of(RunRow run) {
        var duration = run.duration();
        return new ApiRun(
                run.id(),
                run.taskId(),
                run.organizationId(),
                run.typeCode(),
                run.status(),
                run.manual(),
                run.requestedBy(),
                run.queuedAt(),
                run.startedAt(),
                run.finishedAt(),
                duration == null ? null : duration.toSeconds(),
                run.total(),
                run.processed(),
                run.counts(),
                run.message(),
                run.attempt(),
                run.node());
    }
}
