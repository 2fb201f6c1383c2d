package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's messenger credentials in the API: its VK Sferum community or its MAX bot. Never the token: only
 * its mask.
 *
 * @param messenger {@code VK} or {@code MAX}
 * @param communityId VK: the community id; MAX: null
 * @param communityName VK: the community's name as Sferum gave it
 * @param botUserId MAX: the bot's user id, once MAX confirmed the token
 * @param botName MAX: the bot's display name
 * @param botUsername MAX: the bot's username, the name of its deep links
 * @param tokenMasked the token's first and last characters
 * @param stateText the state as the page shows it, in Russian
 */
record MessengerResource(
        String messenger,
        UUID organization,
        @Nullable Long communityId,
        @Nullable String communityName,
        @Nullable Long botUserId,
        @Nullable String botName,
        @Nullable String botUsername,
        String tokenMasked,
        VerificationState state,
        @Nullable RejectionReason failure,
        String stateText,
        @Nullable OffsetDateTime verdictAt,
        @Nullable OffsetDateTime attemptedAt,
        @Nullable OffsetDateTime nextCheckAt,
        OffsetDateTime savedAt) {

    static MessengerResource of(StoredCommunity c, LinkbaseTexts texts) {
        return new MessengerResource(
                "VK",
                c.organizationId(),
                c.communityId(),
                c.communityName(),
                null,
                null,
                null,
                c.tokenMasked(),
                c.state(),
                c.failure(),
                texts.state(c.state(), c.failure()),
                c.verdictAt(),
                c.attemptedAt(),
                c.nextCheckAt(),
                c.savedAt());
    }

    static MessengerResource of(StoredBot b, LinkbaseTexts texts) {
        return new MessengerResource(
                "MAX",
                b.organizationId(),
                null,
                null,
                b.botUserId(),
                b.botName(),
                b.botUsername(),
                b.tokenMasked(),
                b.state(),
                b.failure(),
                texts.botState(b),
                b.verdictAt(),
                b.attemptedAt(),
                b.nextCheckAt(),
                b.savedAt());
    }
}
