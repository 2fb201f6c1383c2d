package ru.paragraf.sferum.diary;

import org.jspecify.annotations.Nullable;

/**
 * A failed call to VK ID. The message names the endpoint and VK's error code only: never a code, verifier or
 * token, so it is safe to log.
 */
class VkIdException extends RuntimeException {

    /** What went wrong, as far as the caller has to decide anything. */
    enum Kind {
        /** VK ID answered with an OAuth error ({@link #error()}). */
        REJECTED,
        /** No answer: connection refused, timed out, or broken. */
        UNREACHABLE,
        /** An answer that is not what VK ID's protocol promises. */
        MALFORMED
    }

    private final Kind kind;
    private final @Nullable String error;

    VkIdException(Kind kind, String endpoint, @Nullable String error, int status) {
        super("VK ID %s failed: %s%s%s"
                .formatted(
                        endpoint, kind, error == null ? "" : " " + error, status == 0 ? "" : " (HTTP " + status + ")"));
        this.kind = kind;
        this.error = error;
    }

    Kind kind() {
        return kind;
    }

    /** VK's OAuth error code ({@code invalid_grant}, …) when {@link Kind#REJECTED}. */
    @Nullable
    String error() {
        return error;
    }

    /** The refresh token or code is dead for good: expired, revoked, rotated away or used before. */
    boolean invalidGrant() {
        return kind == Kind.REJECTED && "invalid_grant".equals(error);
    }
}
