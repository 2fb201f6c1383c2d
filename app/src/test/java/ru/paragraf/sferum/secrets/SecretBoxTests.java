package ru.paragraf.sferum.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTests {

    static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    final SecretBox box = new SecretBox(new SecretKeys(Map.of("k1", KEY_1), "k1"));

    @Test
    void opensWhatItSealed() {
        var sealed = box.seal("vk1.a.community-token-value", "community-token:42");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("community-token-value");
        assertThat(box.open(sealed, "community-token:42")).isEqualTo("vk1.a.community-token-value");
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(box.seal("same", "ctx")).isNotEqualTo(box.seal("same", "ctx"));
    }

    @Test
    void refusesAValueSealedForAnotherContext() {
        var sealed = box.seal("secret", "community-token:42");
        assertThatThrownBy(() -> box.open(sealed, "community-token:43")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATamperedValue() {
        var sealed = box.seal("secret", "ctx");
        var bytes = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        bytes[bytes.length - 1] ^= 1;
        var tampered = "v1:k1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resealsValuesOfAnOldKeyAfterRotation() {
        var sealedWithOld = box.seal("secret", "ctx");
        var keys = new LinkedHashMap<String, String>();
        keys.put("k1", KEY_1);
        keys.put("k2", KEY_2);
        var rotated = new SecretBox(new SecretKeys(keys, "k2"));

        assertThat(rotated.isStale(sealedWithOld)).isTrue();
        var resealed = rotated.reseal(sealedWithOld, "ctx");
        assertThat(resealed).startsWith("v1:k2:");
        assertThat(rotated.isStale(resealed)).isFalse();
        assertThat(rotated.open(resealed, "ctx")).isEqualTo("secret");

        var withoutOldKey = new SecretBox(new SecretKeys(Map.of("k2", KEY_2), "k2"));
        assertThat(withoutOldKey.open(resealed, "ctx")).isEqualTo("secret");
        assertThatThrownBy(() -> withoutOldKey.open(sealedWithOld, "ctx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'k1'");
    }

    @Test
    void explainsBadKeys() {
        assertThatThrownBy(() -> new SecretKeys(Map.of(), "k1")).hasMessageContaining("No encryption key");
        assertThatThrownBy(() -> new SecretKeys(Map.of("k1", "not base64!"), "k1"))
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> new SecretKeys(Map.of("k1", "c2hvcnQ="), "k1")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretKeys(Map.of("k1", KEY_1), "k9")).hasMessageContaining("'k9'");
    }

    @Test
    void reportsBadKeysAtStartWithTheSettingAndTheFixButNotTheValue() {
        var failure = catchThrowable(() -> new SecretKeys(Map.of("k2026", "c2hvcnQ="), "k2026"));

        var report = new KeyConfigurationFailureAnalyzer()
                .analyze(new IllegalStateException("Failed to instantiate secretBox", failure));

        assertThat(report.getDescription())
                .isEqualTo("The encryption key 'k2026' (sferum.secrets.keys.k2026) is 5 bytes long; AES-256 needs "
                        + "exactly 32 bytes (44 Base64 characters).");
        assertThat(report.getAction())
                .contains("openssl rand -base64 32")
                .contains("SFERUM_SECRETS_CURRENTKEY=k2026")
                .doesNotContain("c2hvcnQ=");
    }

    @Test
    void masksSecretsForDisplay() {
        assertThat(SecretMask.mask("vk1.a.abcdefghijklmnopqrstuvwxyz9f3c")).isEqualTo("vk1.a.****…9f3c");
        assertThat(SecretMask.mask("short")).isEqualTo("****");
    }
}
