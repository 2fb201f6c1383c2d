package ru.paragraf.sferum.linkbase;

/**
 * What MAX said about a bot token: {@link Verified} with the bot it belongs to, {@link Rejected} for a definite
 * refusal, or {@link Unreachable} when MAX could not be asked (no verdict on the token).
 */
public sealed interface BotVerdict {

    /**
     * The token is a bot's.
     *
     * @param userId the bot's MAX user id
     * @param name its display name
     * @param username the name of its deep links ({@code https://max.ru/<username>?start=…})
     */
    record Verified(long userId, String name, String username) implements BotVerdict {}

    /** MAX definitely refused the token. */
    record Rejected(RejectionReason reason) implements BotVerdict {}

    /** @param cause what went wrong, in English for the log; never holds a secret */
    record Unreachable(String cause) implements BotVerdict {}
}
