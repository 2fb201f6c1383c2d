package ru.paragraf.sferum.sync.max;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A MAX bot token: a secret. Its {@code toString()} is masked; only the transport reads {@link #value()}, to put it
 * into the raw {@code Authorization} header (MAX takes no {@code Bearer} prefix and no {@code access_token} query).
 */
public record MaxToken(String value) {

    public MaxToken {
        if (value == null || value.isBlank() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            // the value itself stays out of the message
            throw new IllegalArgumentException("A MAX bot token must be a non-blank string without whitespace");
        }
    }

    /** Enough to recognise the token in a log, never enough to use it. */
    public String masked() {
        // the same form as everywhere in the product (secrets.SecretMask, which sync may not depend on)
        if (value.length() < 16) {
            return "****";
        }
        return value.substring(0, 6) + "****\u2026" + value.substring(value.length() - 4);
    }

    /** The first 128 bits of SHA-256 in hex: a stable key of the token's rate limiter that cannot be turned back. */
    String fingerprint() {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MaxToken[" + masked() + "]";
    }
}
