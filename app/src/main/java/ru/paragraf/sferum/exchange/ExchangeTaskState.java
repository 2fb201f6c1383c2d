package ru.paragraf.sferum.exchange;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's task of one type as other modules see it (e.g. readiness): whether it is on, and how its last
 * run went.
 */
public record ExchangeTaskState(
        UUID taskId,
        UUID organizationId,
        String typeCode,
        boolean enabled,
        @Nullable UUID lastRunId,
        @Nullable ExchangeRunStatus lastRunStatus,
        @Nullable Instant lastRunFinishedAt,
        @Nullable ItemCounts lastRunCounts) {}
