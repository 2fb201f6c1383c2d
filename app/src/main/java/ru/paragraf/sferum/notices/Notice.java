package ru.paragraf.sferum.notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notice as its audience sees it.
 *
 * @param occurrences how often the open cause was told (it is shown once)
 * @param closedAt when the cause was fixed; null while it is open
 * @param read whether the person reading marked it read
 */
record Notice(
        UUID id,
        NoticeKind kind,
        List<String> args,
        @Nullable String link,
        int occurrences,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime closedAt,
        boolean read) {

    boolean open() {
        return closedAt == null;
    }
}
