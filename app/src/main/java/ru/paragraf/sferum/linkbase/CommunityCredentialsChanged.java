package ru.paragraf.sferum.linkbase;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Sferum community credentials of an organization were saved, replaced, removed, or got another verdict. Holds
 * no secret: a listener that needs the token asks {@link SferumCommunities#of}.
 *
 * @param communityId the community saved, re-verified or removed
 * @param state the verdict now; {@code null} when the credentials were removed
 */
public record CommunityCredentialsChanged(UUID organization, long communityId, @Nullable VerificationState state) {

    public boolean removed() {
        return state == null;
    }
}
