package ru.paragraf.sferum.diary;

/** How «Отвязать» ended. */
enum UnlinkResult {
    /** Unlinked, and VK ID confirmed that the tokens are revoked. */
    UNLINKED,
    /** Unlinked here, but VK ID did not answer: the tokens may still be valid there until they expire. */
    UNLINKED_VK_UNREACHABLE,
    /** There was no link. */
    NOT_LINKED
}
