package ru.paragraf.vkemulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * VK ID authorization codes, refresh tokens, the grants (authorizations) they belong to, and the key that signs
 * {@code id_token}s.
 */
final class VkIdGrants {

    /** An authorization code, single use. */
    record AuthCode(
            String code,
            String grantId,
            String clientId,
            String redirectUri,
            String codeChallenge,
            long userId,
            String deviceId,
            String scope,
            long expiresAtMillis) {}

    record RefreshToken(
            String value,
            String grantId,
            String clientId,
            String deviceId,
            long userId,
            String scope,
            long expiresAtMillis) {}

    private final ConcurrentHashMap<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AuthCode> usedCodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedGrants = ConcurrentHashMap.newKeySet();
    private volatile String signingKey = Secrets.urlSafe(32);

    AuthCode issueCode(
            String clientId,
            String redirectUri,
            String codeChallenge,
            long userId,
            String scope,
            long expiresAtMillis) {
        var code = new AuthCode(
                Secrets.urlSafe(48),
                Secrets.urlSafe(12),
                clientId,
                redirectUri,
                codeChallenge,
                userId,
                Secrets.urlSafe(32),
                scope,
                expiresAtMillis);
        codes.put(code.code(), code);
        return code;
    }

    /** Takes the code out for good; null when it is unknown or was taken before. */
    @Nullable
    AuthCode consume(String code) {
        var taken = codes.remove(code);
        if (taken != null) {
            usedCodes.put(code, taken);
        }
        return taken;
    }

    @Nullable
    AuthCode consumedBefore(String code) {
        return usedCodes.get(code);
    }

    RefreshToken issueRefreshToken(
            String grantId, String clientId, String deviceId, long userId, String scope, long expiresAtMillis) {
        var token = new RefreshToken(
                "vk2.r." + Secrets.urlSafe(96), grantId, clientId, deviceId, userId, scope, expiresAtMillis);
        refreshTokens.put(token.value(), token);
        return token;
    }

    @Nullable
    RefreshToken refreshToken(@Nullable String value) {
        return value == null ? null : refreshTokens.get(value);
    }

    /** Removes a refresh token on rotation; false when another request rotated it first. */
    boolean spend(RefreshToken token) {
        return refreshTokens.remove(token.value(), token);
    }

    void revoke(String grantId) {
        revokedGrants.add(grantId);
        refreshTokens.values().removeIf(token -> token.grantId().equals(grantId));
    }

    boolean isRevoked(String grantId) {
        return revokedGrants.contains(grantId);
    }

    String signingKey() {
        return signingKey;
    }

    void clear() {
        codes.clear();
        usedCodes.clear();
        refreshTokens.clear();
        revokedGrants.clear();
    }

    SavedState.SavedVkId saved() {
        return new SavedState.SavedVkId(
                signingKey,
                codes.values().stream().map(VkIdGrants::saved).toList(),
                usedCodes.values().stream().map(VkIdGrants::saved).toList(),
                refreshTokens.values().stream()
                        .map(t -> new SavedState.SavedRefreshToken(
                                t.value(),
                                t.grantId(),
                                t.clientId(),
                                t.deviceId(),
                                t.userId(),
                                t.scope(),
                                t.expiresAtMillis()))
                        .toList(),
                revokedGrants.stream().sorted().toList());
    }

    void restore(SavedState.SavedVkId saved) {
        signingKey = saved.signingKey();
        saved.codes().forEach(c -> codes.put(c.code(), restored(c)));
        saved.usedCodes().forEach(c -> usedCodes.put(c.code(), restored(c)));
        saved.refreshTokens()
                .forEach(t -> refreshTokens.put(
                        t.value(),
                        new RefreshToken(
                                t.value(),
                                t.grantId(),
                                t.clientId(),
                                t.deviceId(),
                                t.userId(),
                                t.scope(),
                                t.expiresAt())));
        revokedGrants.addAll(saved.revokedGrants());
    }

    private static SavedState.SavedCode saved(AuthCode c) {
        return new SavedState.SavedCode(
                c.code(),
                c.grantId(),
                c.clientId(),
                c.redirectUri(),
                c.codeChallenge(),
                c.userId(),
                c.deviceId(),
                c.scope(),
                c.expiresAtMillis());
    }

    private static AuthCode restored(SavedState.SavedCode c) {
        return new AuthCode(
                c.code(),
                c.grantId(),
                c.clientId(),
                c.redirectUri(),
                c.codeChallenge(),
                c.userId(),
                c.deviceId(),
                c.scope(),
                c.expiresAt());
    }
}
