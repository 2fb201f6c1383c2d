package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.secrets.SecretBox;

/** Seals and opens the diary's VK ID secrets, each bound to its row by the sealing context. */
@Component
class VkIdSecrets {

    private final SecretBox box;

    VkIdSecrets(SecretBox box) {
        this.box = box;
    }

    String sealVerifier(String state, String verifier) {
        return box.seal(verifier, PendingAuthorization.verifierContext(state));
    }

    String verifier(PendingAuthorization authorization) {
        return box.open(authorization.sealedVerifier(), PendingAuthorization.verifierContext(authorization.state()));
    }

    String sealAccessToken(UUID person, String token) {
        return box.seal(token, VkLink.accessTokenContext(person));
    }

    String sealRefreshToken(UUID person, String token) {
        return box.seal(token, VkLink.refreshTokenContext(person));
    }

    String accessToken(VkLink link) {
        return box.open(link.sealedAccessToken(), VkLink.accessTokenContext(link.personId()));
    }

    String refreshToken(VkLink link) {
        return box.open(link.sealedRefreshToken(), VkLink.refreshTokenContext(link.personId()));
    }
}
