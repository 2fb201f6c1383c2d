package ru.paragraf.sferum.exchange;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task as pages show it: its type's title, the schedule in words and its next fire times. */
record TaskLine(
        UUID id,
        UUID organizationId,
        String typeCode,
        String typeTitle,
        String cron,
        String schedule,
        boolean enabled,
        List<LocalDateTime> nextRuns,
        @Nullable RunLine lastRun) {}
