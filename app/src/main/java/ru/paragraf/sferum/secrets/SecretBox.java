package ru.paragraf.sferum.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM (the JDK's implementation). A sealed value reads
 * {@code v1:<key id>:<Base64 of 12-byte nonce + ciphertext + 16-byte tag>}. The caller's context (for example
 * {@code "community-token:<organization id>"}) is authenticated as associated data, so a sealed value copied into
 * another row does not open there.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    SecretBox(SecretKeys keys) {
        this.keys = keys;
    }

    public String seal(String plaintext, String context) {
        var nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            var ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            var payload = ByteBuffer.allocate(nonce.length + ciphertext.length)
                    .put(nonce)
                    .put(ciphertext)
                    .array();
            return VERSION + ":" + keys.currentId() + ":" + Base64.getEncoder().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    /** Opens a sealed value; fails if it was altered, sealed for another context, or with an unknown key. */
    public String open(String sealed, String context) {
        var parts = sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        var payload = Base64.getDecoder().decode(parts[2]);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            var plaintext = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The sealed value cannot be opened in this context");
        }
    }

    /** Whether the value was sealed with a key other than the current one and should be sealed again. */
    public boolean isStale(String sealed) {
        return !sealed.startsWith(VERSION + ":" + keys.currentId() + ":");
    }

    /** Opens with the old key and seals with the current one. */
    public String reseal(String sealed, String context) {
        return seal(open(sealed, context), context);
    }

    /** The SQL LIKE pattern that matches values sealed with the current key. */
    public String currentKeyPattern() {
        return VERSION + ":" + keys.currentId() + ":%";
    }
}
