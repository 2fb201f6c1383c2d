package ru.paragraf.sferum.exchange;

import java.time.Instant;
import java.util.UUID;

/** A run of an exchange task ended: succeeded, partly failed, failed or was cancelled. */
public record ExchangeRunFinished(
        UUID runId,
        UUID taskId,
        UUID organizationId,
        String typeCode,
        ExchangeRunStatus status,
        ItemCounts counts,
        Instant finishedAt) {}
