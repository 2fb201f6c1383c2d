package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's Sferum community as the sync engine needs it, token opened. For use inside the server only: it is
 * never shown nor returned by an API, and its {@code toString()} masks the token.
 *
 * @param verdictAt when Sferum last confirmed or refused the pair; {@code null} if it never could be asked
 */
public record SferumCommunity(
        UUID organization,
        long communityId,
        SferumToken token,
        VerificationState state,
        @Nullable OffsetDateTime verdictAt) {

    public boolean isVerified() {
        return state == VerificationState.VERIFIED;
    }
}
