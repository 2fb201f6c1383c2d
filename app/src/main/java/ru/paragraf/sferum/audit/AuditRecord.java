package ru.paragraf.sferum.audit;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A stored audit entry as pages and the API show it. */
public record AuditRecord(
        OffsetDateTime occurredAt,
        String actorName,
        @Nullable String actorRole,
        String action,
        String subject,
        String details) {}
