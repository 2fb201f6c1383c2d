package ru.paragraf.vkemulator;

import java.security.SecureRandom;
import java.util.Base64;

/** Random opaque strings (tokens, codes, link hashes) and their masked form for printing. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** base64url without padding of {@code bytes} random bytes. */
    static String urlSafe(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** Standard base64 (may contain {@code +}, {@code /}), as in real vk.me invite links. */
    static String standard(int bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    static String digits(int count) {
        var sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.toString();
    }

    /** {@code vk1.a.****…9f3c}: enough to recognise a token, never enough to use it. */
    static String mask(String secret) {
        if (secret.length() < 16) {
            return "****";
        }
        return secret.substring(0, 6) + "****…" + secret.substring(secret.length() - 4);
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
