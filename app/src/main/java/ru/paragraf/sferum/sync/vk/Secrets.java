package ru.paragraf.sferum.sync.vk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/** Masking, fingerprints and the names of parameters whose values are secrets. */
final class Secrets {

    /**
     * Parameters whose values grant access: tokens, OAuth codes and verifiers, and invite links (anyone holding
     * one can join the chat). Their values are masked wherever VK echoes them back.
     */
    private static final Set<String> SECRET_PARAMETERS = Set.of(
            "access_token", "refresh_token", "id_token", "code", "code_verifier", "client_secret", "password", "link");

    private Secrets() {}

    /** {@code vk1.a.****…9f3c}; short values are masked whole. */
    static String mask(String secret) {
        if (secret.length() < 16) {
            return "****";
        }
        return secret.substring(0, 6) + "****\u2026" + secret.substring(secret.length() - 4);
    }

    /** The first 128 bits of SHA-256 in hex: a stable key that cannot be turned back into the token. */
    static String fingerprint(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean isSecretParameter(String name) {
        return SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
    }

    static void requireToken(String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            // the value itself stays out of the message
            throw new IllegalArgumentException("A VK token must be a non-blank string without whitespace");
        }
    }
}
