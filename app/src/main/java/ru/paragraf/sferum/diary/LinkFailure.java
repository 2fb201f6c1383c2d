package ru.paragraf.sferum.diary;

/**
 * Why a VK ID callback did not link anything; each has its Russian explanation {@code vkid.failure.<NAME>}.
 * Whatever the reason, the link and the school's records stay as they were.
 */
enum LinkFailure {
    /** VK ID linking is not configured (no client id). */
    NOT_CONFIGURED,
    /** The callback carries no {@code state}. */
    MISSING_STATE,
    /** No authorization was started with this {@code state}: forged or mistyped. */
    UNKNOWN_STATE,
    /** The authorization was started by another account. */
    FOREIGN_STATE,
    /** The authorization took too long. */
    EXPIRED_STATE,
    /** The callback of this authorization came before. */
    REUSED_STATE,
    /** The person pressed «Отмена» at VK ID. */
    CANCELLED,
    /** VK ID redirected back with another error. */
    VK_ERROR,
    /** The callback lacks the code or device id. */
    INVALID_CALLBACK,
    /** VK ID refused the code: used before, expired, or not issued for this authorization. */
    EXCHANGE_FAILED,
    /** VK ID did not answer. */
    VK_UNAVAILABLE,
    /** This VK account is linked to another person (teacher, pupil or parent) already. */
    ACCOUNT_TAKEN;

    /** The reason named in the failure page's address; one edited by hand reads as a forged callback. */
    static LinkFailure parse(@org.jspecify.annotations.Nullable String name) {
        for (var failure : values()) {
            if (failure.name().equals(name)) {
                return failure;
            }
        }
        return UNKNOWN_STATE;
    }
}
