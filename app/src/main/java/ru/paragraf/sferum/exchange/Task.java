package ru.paragraf.sferum.exchange;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An exchange task of an organization: which type, when it runs, whether it is on. */
record Task(
        UUID id,
        UUID organizationId,
        String typeCode,
        String cron,
        boolean enabled,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
