package ru.paragraf.vkemulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE S256: {@code code_challenge = base64url(SHA-256(code_verifier))} without padding. */
final class Pkce {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9_-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {}

    static boolean isVerifier(String verifier) {
        return VERIFIER.matcher(verifier).matches();
    }

    static boolean isChallenge(String challenge) {
        return CHALLENGE.matcher(challenge).matches();
    }

    static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String verifier, String challenge) {
        return MessageDigest.isEqual(
                challenge(verifier).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
