package ru.paragraf.sferum.exchange;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A stored item of a run. */
record ItemRow(
        long id,
        OffsetDateTime recordedAt,
        String objectType,
        @Nullable String objectId,
        @Nullable String objectTitle,
        String action,
        ItemResult result,
        @Nullable String message,
        @Nullable String link) {}
