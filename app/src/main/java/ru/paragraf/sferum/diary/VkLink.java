package ru.paragraf.sferum.diary;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.PersonKind;

/**
 * A person's linked VK account as stored (a teacher's, a pupil's or a parent's): the user tokens are sealed for this
 * person; {@link VkIdSecrets} opens them.
 */
record VkLink(
        UUID personId,
        PersonKind personKind,
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

    /** The same string as when links were teachers' only: rows sealed then still open. */
    static String accessTokenContext(UUID person) {
        return "vk-access-token:" + person;
    }

    static String refreshTokenContext(UUID person) {
        return "vk-refresh-token:" + person;
    }

    @Override
    public String toString() {
        return "VkLink[%s=%s, vkUserId=%d, accessExpiresAt=%s, relinkRequired=%s]"
                .formatted(personKind, personId, vkUserId, accessExpiresAt, relinkRequired);
    }
}
