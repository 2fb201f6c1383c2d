package ru.paragraf.sferum.secrets;

import org.jspecify.annotations.Nullable;

/** How a secret may be shown: its first and last few characters, like {@code vk1.a.****…9f3c}. */
public final class SecretMask {

    private SecretMask() {}

    public static String mask(@Nullable String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        if (secret.length() < 16) {
            return "****";
        }
        return secret.substring(0, 6) + "****…" + secret.substring(secret.length() - 4);
    }
}
