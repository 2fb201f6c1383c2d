package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's Sferum community in the API. Never the token: only its mask.
 *
 * @param tokenMasked the token's first and last characters, e.g. {@code vk1.a.****…9f3c}
 * @param failure why Sferum refused the stored credentials, when {@code state} is {@code FAILED}
 * @param stateText the state as the page shows it, in Russian
 * @param verdictAt the last definite verdict
 * @param nextCheckAt when credentials that could not be verified are tried again
 */
record CommunityResource(
        UUID organization,
        long communityId,
        @Nullable String communityName,
        String tokenMasked,
        VerificationState state,
        @Nullable RejectionReason failure,
        String stateText,
        @Nullable OffsetDateTime verdictAt,
        @Nullable OffsetDateTime attemptedAt,
        @Nullable OffsetDateTime nextCheckAt,
        OffsetDateTime savedAt) {

    static CommunityResource of(StoredCommunity c, LinkbaseTexts texts) {
        return new CommunityResource(
                c.organizationId(),
                c.communityId(),
                c.communityName(),
                c.tokenMasked(),
                c.state(),
                c.failure(),
                texts.state(c.state(), c.failure()),
                c.verdictAt(),
                c.attemptedAt(),
                c.nextCheckAt(),
                c.savedAt());
    }
}
