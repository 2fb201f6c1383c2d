package ru.paragraf.sferum.exchange;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** An item of a run as the run page and the CSV export show it. */
record ItemLine(
        long id,
        LocalDateTime recordedAt,
        String objectType,
        @Nullable String objectId,
        @Nullable String objectTitle,
        String action,
        ItemResult result,
        @Nullable String message,
        @Nullable String link) {}
