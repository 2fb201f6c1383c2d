package ru.paragraf.sferum.sync.vk;

import org.springframework.stereotype.Component;
import ru.paragraf.sferum.linkbase.CommunityVerdict;
import ru.paragraf.sferum.linkbase.CommunityVerifier;
import ru.paragraf.sferum.linkbase.RejectionReason;
import ru.paragraf.sferum.linkbase.SferumToken;

/**
 * Verifies a school's community id and token with the VK API, in three calls through the client (its rate limiter
 * and retries included): {@code groups.getById} without ids names the token's own community (a person's token gets
 * error 100 there); {@code groups.getById} with the id tells whether that community exists (error 100 if not); and
 * {@code groups.getTokenPermissions} must list {@code messages}. Error 5 or 1117 means the token was revoked or has
 * expired; transient failures are {@link CommunityVerdict.Unreachable}, never a verdict on the credentials.
 */
@Component
class VkCommunityVerifier implements CommunityVerifier {

    private static final int INVALID_PARAMETER = 100;

    private final VkClient vk;

    VkCommunityVerifier(VkClient vk) {
        this.vk = vk;
    }

    @Override
    public CommunityVerdict verify(long communityId, SferumToken token) {
        var community = new CommunityToken(token.value());
        var own = vk.call(community, VkGroups.GetById.own());
        if (own instanceof VkOutcome.Failed<VkGroups.Groups> failed) {
            return failed.failure().isApiError(INVALID_PARAMETER)
                    ? refused(RejectionReason.NOT_A_COMMUNITY_TOKEN)
                    : failure(failed.failure());
        }
        var owner = own.orThrow().groups().stream().findFirst();
        if (owner.isEmpty()) {
            return refused(RejectionReason.NOT_A_COMMUNITY_TOKEN);
        }
        var named = vk.call(community, VkGroups.GetById.of(communityId));
        if (named instanceof VkOutcome.Failed<VkGroups.Groups> failed) {
            return failed.failure().isApiError(INVALID_PARAMETER)
                    ? refused(RejectionReason.UNKNOWN_COMMUNITY)
                    : failure(failed.failure());
        }
        var group = named.orThrow().groups().stream()
                .filter(candidate -> candidate.id() == communityId)
                .findFirst();
        if (group.isEmpty() || group.get().deactivated() != null) {
            return refused(RejectionReason.UNKNOWN_COMMUNITY);
        }
        if (owner.get().id() != communityId) {
            return refused(RejectionReason.TOKEN_OF_ANOTHER_COMMUNITY);
        }
        var permissions = vk.call(community, new VkGroups.GetTokenPermissions());
        if (permissions instanceof VkOutcome.Failed<VkGroups.TokenPermissions> failed) {
            return failed.failure().category() == VkErrorCategory.CREDENTIALS && !revoked(failed.failure())
                    ? refused(RejectionReason.NOT_A_COMMUNITY_TOKEN)
                    : failure(failed.failure());
        }
        if (!permissions.orThrow().allows("messages")) {
            return refused(RejectionReason.NO_MESSAGES_PERMISSION);
        }
        return new CommunityVerdict.Verified(group.get().name());
    }

    private static CommunityVerdict failure(VkFailure failure) {
        if (revoked(failure)) {
            return refused(RejectionReason.TOKEN_REVOKED);
        }
        if (failure.isApiError(27)) {
            return refused(RejectionReason.NOT_A_COMMUNITY_TOKEN);
        }
        if (failure.category() == VkErrorCategory.CREDENTIALS) {
            return refused(RejectionReason.ACCESS_DENIED);
        }
        // RETRY (network, 5xx, timeouts, rate limits) and the unexpected alike: no verdict on the credentials
        return new CommunityVerdict.Unreachable(failure.describe());
    }

    private static boolean revoked(VkFailure failure) {
        return failure.isApiError(5) || failure.isApiError(1117);
    }

    private static CommunityVerdict refused(RejectionReason reason) {
        return new CommunityVerdict.Rejected(reason);
    }
}
