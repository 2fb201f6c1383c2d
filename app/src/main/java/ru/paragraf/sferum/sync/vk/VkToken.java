package ru.paragraf.sferum.sync.vk;

/**
 * A VK access token: a secret. Its {@code toString()} is masked ({@code vk1.a.****…9f3c}); only the transport
 * reads {@link #value()}, to put it into the {@code Authorization} header.
 */
public sealed interface VkToken permits CommunityToken, UserToken {

    /** The secret itself. Never log it, never put it into a message, a URL or a metric tag. */
    String value();

    Kind kind();

    /** Enough to recognise the token in a log, never enough to use it. */
    default String masked() {
        return Secrets.mask(value());
    }

    /** A non-reversible identifier of the token (a truncated SHA-256), for keys and correlation. */
    default String fingerprint() {
        return Secrets.fingerprint(value());
    }

    /** Whose token it is; VK allows some methods only to one kind and limits each kind differently. */
    enum Kind {
        COMMUNITY,
        USER;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
