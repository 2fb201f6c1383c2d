package ru.paragraf.sferum.linkbase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A MAX row of {@code linkbase.sferum_community}: an organization's bot token, sealed, with the bot MAX named for it
 * and the verdict. The bot's id and names are null until MAX first confirmed the token.
 *
 * @param version grows with every save and verdict, so that a verdict on a replaced token is dropped
 */
record StoredBot(
        UUID organizationId,
        @Nullable Long botUserId,
        @Nullable String botName,
        @Nullable String botUsername,
        String token,
        String tokenMasked,
        VerificationState state,
        @Nullable RejectionReason failure,
        @Nullable OffsetDateTime verdictAt,
        @Nullable OffsetDateTime attemptedAt,
        int failedAttempts,
        @Nullable OffsetDateTime nextCheckAt,
        OffsetDateTime savedAt,
        String savedBy,
        int version) {

    StoredBot verified(BotVerdict.Verified bot, OffsetDateTime now) {
        return new StoredBot(
                organizationId,
                bot.userId(),
                bot.name(),
                bot.username(),
                token,
                tokenMasked,
                VerificationState.VERIFIED,
                null,
                now,
                now,
                0,
                null,
                savedAt,
                savedBy,
                version);
    }

    StoredBot refused(RejectionReason reason, OffsetDateTime now) {
        return new StoredBot(
                organizationId,
                botUserId,
                botName,
                botUsername,
                token,
                tokenMasked,
                VerificationState.FAILED,
                reason,
                now,
                now,
                0,
                null,
                savedAt,
                savedBy,
                version);
    }

    /** MAX could not be asked: an earlier verdict stands; «не проверены» is tried again after {@code wait}. */
    StoredBot unreachable(OffsetDateTime now, Duration wait) {
        var next = state == VerificationState.UNVERIFIED ? now.plus(wait) : null;
        return new StoredBot(
                organizationId,
                botUserId,
                botName,
                botUsername,
                token,
                tokenMasked,
                state,
                failure,
                verdictAt,
                now,
                failedAttempts + 1,
                next,
                savedAt,
                savedBy,
                version);
    }

    /** {@code @school101_bot}, or the display name when MAX gave no username. */
    @Nullable
    String botHandle() {
        return botUsername != null ? "@" + botUsername : botName;
    }

    @Override
    public String toString() {
        return "StoredBot[organization=%s, bot=%s, state=%s, version=%d]"
                .formatted(organizationId, botUserId, state, version);
    }
}
