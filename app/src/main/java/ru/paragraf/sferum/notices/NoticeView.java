package ru.paragraf.sferum.notices;

import java.time.ZonedDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notice as the page and the API show it: its Russian text, times in St Petersburg time.
 *
 * @param kind the cause's kind (VK_ID_RELINK, CALL_FAILED, CHAT_CREATED, CREDENTIALS_FAILED, RUN_ERRORS,
 *     STRANGERS_REMOVED, SCHOOLS_NOT_READY)
 * @param link the application's page where the person acts, if any
 * @param occurrences how often the cause was told while open (shown once)
 * @param closedAt when the cause was fixed; null while open
 * @param fixable whether the person has something to fix (else they are only informed)
 */
record NoticeView(
        UUID id,
        String kind,
        String text,
        @Nullable String link,
        int occurrences,
        ZonedDateTime createdAt,
        @Nullable ZonedDateTime closedAt,
        boolean fixable,
        boolean read) {

    public boolean open() {
        return closedAt == null;
    }
}
