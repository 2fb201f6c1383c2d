package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code linkbase.sferum_community}: the credentials of one organization, token sealed, with their verdict.
 *
 * @param version grows with every save and verdict, so that a verdict on replaced credentials is dropped
 */
record StoredCommunity(
        UUID organizationId,
        long communityId,
        @Nullable String communityName,
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

    static String tokenContext(UUID organization) {
        return "sferum-community-token:" + organization;
    }

    @Override
    public String toString() {
        return "StoredCommunity[organization=%s, community=%d, state=%s, version=%d]"
                .formatted(organizationId, communityId, state, version);
    }
}
