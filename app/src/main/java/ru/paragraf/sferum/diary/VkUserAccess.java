package ru.paragraf.sferum.diary;

import java.time.Instant;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * A person's VK user id with a user access token valid until {@code expiresAt}, for the methods VK allows only
 * with a user token (DESIGN §5.6). {@code toString} masks the token; never log or show the token itself.
 */
public record VkUserAccess(long vkUserId, String accessToken, Instant expiresAt) implements VkAccess {

    @Override
    public String toString() {
        return "VkUserAccess[vkUserId=%d, accessToken=%s, expiresAt=%s]"
                .formatted(vkUserId, SecretMask.mask(accessToken), expiresAt);
    }
}
