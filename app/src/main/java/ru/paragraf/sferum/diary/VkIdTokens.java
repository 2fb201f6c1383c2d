package ru.paragraf.sferum.diary;

import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * VK ID's answer to {@code POST /oauth2/auth}, for both the authorization_code and the refresh_token grant.
 * {@code toString} masks the tokens: a record's default would print them into any log line that mentions it.
 */
record VkIdTokens(
        String accessToken,
        @Nullable String refreshToken,
        @Nullable String idToken,
        @Nullable String tokenType,
        long expiresIn,
        long userId,
        @Nullable String state,
        @Nullable String scope) {

    VkIdTokens {
        if (accessToken == null || accessToken.isEmpty() || expiresIn <= 0) {
            throw new IllegalArgumentException("token answer without access_token or expires_in");
        }
    }

    @Override
    public String toString() {
        return "VkIdTokens[accessToken=%s, refreshToken=%s, expiresIn=%d, userId=%d, scope=%s]"
                .formatted(SecretMask.mask(accessToken), SecretMask.mask(refreshToken), expiresIn, userId, scope);
    }
}
