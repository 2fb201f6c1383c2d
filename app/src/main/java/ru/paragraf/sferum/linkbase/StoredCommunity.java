package ru.paragraf.sferum.linkbase;

import java.time.Duration;
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

    /** Sferum confirmed the pair now. */
    StoredCommunity verified(String name, OffsetDateTime now) {
        return new StoredCommunity(
                organizationId,
                communityId,
                name,
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

    /** Sferum refused the pair now: «ошибка», and no more automatic checks. */
    StoredCommunity refused(RejectionReason reason, OffsetDateTime now) {
        return new StoredCommunity(
                organizationId,
                communityId,
                communityName,
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

    /**
     * Sferum could not be asked now. That is no verdict: an earlier one stands; «не проверены» credentials are tried
     * again after {@code wait}.
     */
    StoredCommunity unreachable(OffsetDateTime now, Duration wait) {
        var next = state == VerificationState.UNVERIFIED ? now.plus(wait) : null;
        return new StoredCommunity(
                organizationId,
                communityId,
                communityName,
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

    static String tokenContext(UUID organization) {
        return "sferum-community-token:" + organization;
    }

    @Override
    public String toString() {
        return "StoredCommunity[organization=%s, community=%d, state=%s, version=%d]"
                .formatted(organizationId, communityId, state, version);
    }
}
