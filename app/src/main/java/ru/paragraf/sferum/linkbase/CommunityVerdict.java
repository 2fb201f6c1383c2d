package ru.paragraf.sferum.linkbase;

/**
 * What Sferum said about a community id and its token: {@link Verified}, {@link Rejected} for a definite refusal,
 * or {@link Unreachable} when it could not be asked (network, VK's 5xx, timeouts, rate limits): that last one is
 * no verdict on the credentials.
 */
public sealed interface CommunityVerdict {

    /** The community exists, the token is its own and allows messages. */
    record Verified(String communityName) implements CommunityVerdict {}

    /** Sferum definitely refused the pair. */
    record Rejected(RejectionReason reason) implements CommunityVerdict {}

    /**
     * Sferum could not be asked; try again later.
     *
     * @param cause what went wrong, in English for the log; never holds a secret
     */
    record Unreachable(String cause) implements CommunityVerdict {}
}
