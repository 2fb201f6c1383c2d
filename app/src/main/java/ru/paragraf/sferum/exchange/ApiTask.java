package ru.paragraf.sferum.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A task in the API. */
record ApiTask(
        UUID id,
        UUID organizationId,
        String type,
        String typeTitle,
        String cron,
        String schedule,
        boolean enabled,
        List<OffsetDateTime> nextRuns) {}
