package ru.paragraf.sferum.diary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The random values of a VK ID authorization: {@code state} and the PKCE verifier with its S256 challenge. */
final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {}

    /** 43 characters of {@code [A-Za-z0-9_-]} (256 random bits); VK ID wants at least 32. */
    static String newState() {
        return random(32);
    }

    /** 86 characters of {@code [A-Za-z0-9_-]} (512 random bits); RFC 7636 allows 43 to 128. */
    static String newVerifier() {
        return random(64);
    }

    /** {@code base64url(SHA-256(verifier))} without padding, the S256 method of RFC 7636. */
    static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String random(int bytes) {
        var value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
