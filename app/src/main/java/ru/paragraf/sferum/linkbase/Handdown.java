package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A hand-down file as previewed; only {@code accountId} sees and applies it. */
record Handdown(
        UUID id,
        UUID accountId,
        String fileName,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        HanddownStatus status,
        OffsetDateTime heartbeatAt,
        @Nullable OffsetDateTime appliedAt) {

    boolean expiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }
}
