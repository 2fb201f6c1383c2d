package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.sferum.secrets.KeyRotation;

/** After a key rotation the diary's sealed columns are re-sealed with the current key and still open. */
class VkIdKeyRotationTests extends VkIdTestContext {

    @Autowired
    KeyRotation rotation;

    @Autowired
    PendingAuthorizations authorizations;

    @Test
    void resealsTokensAndVerifiersSealedWithARetiredKey() throws Exception {
        var now = OffsetDateTime.now(clock);
        links.save(new VkLink(
                TEACHER_A1,
                PersonKind.EMPLOYEE,
                SCHOOL_A,
                TEACHER_A1,
                700300001L,
                sealedWithOldKey("access-token-value", VkLink.accessTokenContext(TEACHER_A1)),
                now.plusHours(1),
                sealedWithOldKey("refresh-token-value", VkLink.refreshTokenContext(TEACHER_A1)),
                "device",
                "vkid.personal_info",
                now,
                null,
                false));
        var state = Pkce.newState();
        authorizations.add(new PendingAuthorization(
                state,
                TEACHER_A1,
                TEACHER_A1,
                PersonKind.EMPLOYEE,
                SCHOOL_A,
                sealedWithOldKey("verifier-value", PendingAuthorization.verifierContext(state)),
                VkIdWorld.MOCK_CALLBACK,
                now,
                now.plusMinutes(10),
                null));

        assertThat(rotation.resealAll()).isEqualTo(2);

        var link = links.find(TEACHER_A1).orElseThrow();
        assertThat(link.sealedAccessToken()).startsWith("v1:test:");
        assertThat(link.sealedRefreshToken()).startsWith("v1:test:");
        assertThat(secrets.accessToken(link)).isEqualTo("access-token-value");
        assertThat(secrets.refreshToken(link)).isEqualTo("refresh-token-value");
        var pending = authorizations.find(state).orElseThrow();
        assertThat(pending.sealedVerifier()).startsWith("v1:test:");
        assertThat(secrets.verifier(pending)).isEqualTo("verifier-value");
        assertThat(rotation.resealAll()).as("nothing stale is left").isZero();
    }

    /** What SecretBox wrote while the retired key was current: {@code v1:old:<nonce+ciphertext+tag>}. */
    private static String sealedWithOldKey(String plaintext, String context) throws Exception {
        var nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(OLD_KEY), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        var ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        var payload = ByteBuffer.allocate(nonce.length + ciphertext.length)
                .put(nonce)
                .put(ciphertext)
                .array();
        return "v1:old:" + Base64.getEncoder().encodeToString(payload);
    }
}
