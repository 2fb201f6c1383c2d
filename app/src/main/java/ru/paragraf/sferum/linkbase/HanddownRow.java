package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of a hand-down file with what the preview found.
 *
 * @param communityIdText the id as written in the file
 * @param token the token sealed; {@code null} for invalid rows and after the file was applied
 * @param message why the row is an error, in Russian
 * @param messenger {@code VK} (a community id and its token) or {@code MAX} (a bot token alone)
 * @param botUserId the bot MAX named at verification; like {@code botName} and {@code botUsername}, MAX rows only
 */
record HanddownRow(
        UUID handdownId,
        int line,
        String organizationCode,
        @Nullable UUID organizationId,
        @Nullable String organizationName,
        String communityIdText,
        @Nullable Long communityId,
        @Nullable String token,
        String tokenMasked,
        RowOutcome outcome,
        @Nullable String message,
        @Nullable String communityName,
        @Nullable OffsetDateTime verifiedAt,
        String messenger,
        @Nullable Long botUserId,
        @Nullable String botName,
        @Nullable String botUsername) {

    boolean max() {
        return "MAX".equals(messenger);
    }

    static String tokenContext(UUID handdown, int line) {
        return "linkbase-handdown:" + handdown + ":" + line;
    }

    @Override
    public String toString() {
        return "HanddownRow[%s:%d, %s, %s]".formatted(handdownId, line, organizationCode, outcome);
    }
}
