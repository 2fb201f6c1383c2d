package ru.paragraf.vkemulator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** All access tokens by value, and which of them are revoked. */
final class Tokens {

    private final ConcurrentHashMap<String, Token> byValue = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * Adds a community token; adding a token that exists already keeps its id and whether it is revoked (seeding
     * again at every start must not bring a revoked token back) and takes the given permissions.
     */
    Token addCommunityToken(long communityId, String value, int permissionMask) {
        var existing = byValue.get(value);
        if (existing != null && existing.isCommunity() && existing.ownerId() == communityId) {
            if (existing.permissionMask() == permissionMask) {
                return existing;
            }
            var updated = new Token(
                    value,
                    existing.id(),
                    Token.Kind.COMMUNITY,
                    communityId,
                    permissionMask,
                    Long.MAX_VALUE,
                    null,
                    null,
                    null);
            byValue.put(value, updated);
            return updated;
        }
        var token = new Token(
                value,
                "community-" + communityId + "-" + sequence.incrementAndGet(),
                Token.Kind.COMMUNITY,
                communityId,
                permissionMask,
                Long.MAX_VALUE,
                null,
                null,
                null);
        byValue.put(value, token);
        revoked.remove(value);
        return token;
    }

    Token issueUserToken(
            long userId, @Nullable String clientId, @Nullable String grantId, String scope, long expiresAtMillis) {
        var token = new Token(
                "vk2.a." + Secrets.urlSafe(96),
                "user-" + userId + "-" + sequence.incrementAndGet(),
                Token.Kind.USER,
                userId,
                0,
                expiresAtMillis,
                clientId,
                grantId,
                scope);
        byValue.put(token.value(), token);
        return token;
    }

    /** The token with this value, revoked or not; null when never issued. */
    @Nullable
    Token find(@Nullable String value) {
        return value == null ? null : byValue.get(value);
    }

    boolean isRevoked(Token token) {
        return revoked.contains(token.value());
    }

    /** Returns false when the value is unknown. */
    boolean revoke(@Nullable String value) {
        if (value == null || !byValue.containsKey(value)) {
            return false;
        }
        revoked.add(value);
        return true;
    }

    void revokeGrant(String grantId) {
        byValue.values().stream()
                .filter(token -> grantId.equals(token.grantId()))
                .forEach(token -> revoked.add(token.value()));
    }

    List<Token> communityTokens(long communityId) {
        return byValue.values().stream()
                .filter(token -> token.isCommunity() && token.ownerId() == communityId)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    void clear() {
        byValue.clear();
        revoked.clear();
    }

    SavedState.SavedTokens saved() {
        var items = byValue.values().stream()
                .sorted(Comparator.comparing(Token::id))
                .map(t -> new SavedState.SavedToken(
                        t.value(),
                        t.id(),
                        t.kind(),
                        t.ownerId(),
                        t.permissionMask(),
                        t.expiresAtMillis(),
                        t.clientId(),
                        t.grantId(),
                        t.scope(),
                        revoked.contains(t.value())))
                .toList();
        return new SavedState.SavedTokens(sequence.get(), items);
    }

    void restore(SavedState.SavedTokens saved) {
        for (var t : saved.items()) {
            byValue.put(
                    t.value(),
                    new Token(
                            t.value(),
                            t.id(),
                            t.kind(),
                            t.ownerId(),
                            t.permissionMask(),
                            t.expiresAt(),
                            t.clientId(),
                            t.grantId(),
                            t.scope()));
            if (t.revoked()) {
                revoked.add(t.value());
            }
        }
        sequence.set(saved.sequence());
    }
}
