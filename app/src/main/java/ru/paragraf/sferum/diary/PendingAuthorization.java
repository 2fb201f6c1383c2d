package ru.paragraf.sferum.diary;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.PersonKind;

/**
 * A VK ID authorization that a person (teacher, pupil or parent) started and whose callback has not come yet. The verifier is sealed;
 * only the flow opens it, for the code exchange.
 */
record PendingAuthorization(
        String state,
        UUID accountId,
        UUID personId,
        PersonKind personKind,
        UUID organizationId,
        String sealedVerifier,
        String redirectUri,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        @Nullable OffsetDateTime usedAt) {

    static String verifierContext(String state) {
        return "vkid-verifier:" + state;
    }

    boolean expiredAt(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingAuthorization[%s=%s, expiresAt=%s, used=%s]".formatted(personKind, personId, expiresAt, usedAt);
    }
}
