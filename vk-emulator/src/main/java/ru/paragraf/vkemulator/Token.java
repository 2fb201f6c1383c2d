package ru.paragraf.vkemulator;

import org.jspecify.annotations.Nullable;

/**
 * An access token the VK API accepts: a community token (bound to one community, with a permission mask)
 * or a user token (bound to one VK user, issued by VK ID, expiring).
 *
 * @param id internal id used in counters and inspection instead of the secret value
 * @param ownerId the community id for a community token, the user id for a user token
 * @param expiresAtMillis epoch millis, or {@code Long.MAX_VALUE} for tokens that do not expire
 * @param grantId the VK ID authorization this token belongs to; null for community tokens
 */
record Token(
        String value,
        String id,
        Kind kind,
        long ownerId,
        int permissionMask,
        long expiresAtMillis,
        @Nullable String clientId,
        @Nullable String grantId,
        @Nullable String scope) {

    enum Kind {
        COMMUNITY,
        USER
    }

    boolean isCommunity() {
        return kind == Kind.COMMUNITY;
    }

    /** The caller's peer id: {@code -group_id} for a community, the user id for a user. */
    long peerId() {
        return isCommunity() ? -ownerId : ownerId;
    }

    boolean has(CommunityPermission permission) {
        return (permissionMask & permission.bit()) != 0;
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    String masked() {
        return Secrets.mask(value);
    }
}
