package ru.paragraf.sferum.diary;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A teacher's linked VK account as stored: the user tokens are sealed for this employee; {@link VkLinkTokens}
 * opens them.
 */
record VkLink(
        UUID employeeId,
        UUID organizationId,
        UUID accountId,
        long vkUserId,
        String sealedAccessToken,
        OffsetDateTime accessExpiresAt,
        String sealedRefreshToken,
        String deviceId,
        String scope,
        OffsetDateTime linkedAt,
        @Nullable OffsetDateTime refreshedAt,
        boolean relinkRequired) {

    static String accessTokenContext(UUID employee) {
        return "vk-access-token:" + employee;
    }

    static String refreshTokenContext(UUID employee) {
        return "vk-refresh-token:" + employee;
    }

    @Override
    public String toString() {
        return "VkLink[employee=%s, vkUserId=%d, accessExpiresAt=%s, relinkRequired=%s]"
                .formatted(employeeId, vkUserId, accessExpiresAt, relinkRequired);
    }
}
