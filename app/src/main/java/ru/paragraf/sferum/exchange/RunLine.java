package ru.paragraf.sferum.exchange;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A run as pages show it: local times, the duration in words, progress in percent. */
record RunLine(
        UUID id,
        UUID taskId,
        String typeTitle,
        ExchangeRunStatus status,
        boolean manual,
        @Nullable String requestedBy,
        LocalDateTime queuedAt,
        @Nullable LocalDateTime startedAt,
        @Nullable LocalDateTime finishedAt,
        @Nullable String duration,
        @Nullable String node,
        int attempt,
        @Nullable LocalDateTime takenOverAt,
        @Nullable Integer total,
        int processed,
        @Nullable Integer percent,
        ItemCounts counts,
        @Nullable String message,
        boolean cancelRequested) {

    public boolean live() {
        return !status.isFinished();
    }

    /** The Bootstrap badge of the status. */
    public String badge() {
        switch (status) {
            case QUEUED:
                return "text-bg-secondary";
            case RUNNING:
                return "text-bg-primary";
            case SUCCEEDED:
                return "text-bg-success";
            case PARTIAL:
                return "text-bg-warning";
            case FAILED:
                return "text-bg-danger";
            default:
                return "text-bg-dark";
        }
    }
}
