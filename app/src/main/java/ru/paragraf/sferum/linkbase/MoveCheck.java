package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.Nullable;

/**
 * What the link base says about moving a school to MAX with a bot token, before anything changes: whether the school
 * can move (on VK now, the token a bot's that no other school holds) and, if so, the bot MAX named.
 *
 * @param refusal why it cannot, with its Russian explanation in {@code message}; null when it can
 */
public record MoveCheck(
        @Nullable Refusal refusal,
        @Nullable Long botUserId,
        @Nullable String botName,
        @Nullable String botUsername,
        @Nullable String message) {

    /** Why a move is refused. */
    public enum Refusal {
        /** The token is empty or malformed. */
        INVALID_TOKEN,
        /** MAX refused the token. */
        TOKEN_REFUSED,
        /** The bot is another school's. */
        BOT_TAKEN,
        /** MAX could not be asked: nothing changes without its word. */
        MAX_UNREACHABLE,
        /** The school has no VK community in «База ссылок» to move from (or is on MAX already). */
        NOT_ON_VK,
        /** The school is not on MAX, or its VK community was not kept: nothing to move back to. */
        NOTHING_TO_MOVE_BACK,
        /** The kept VK community is another school's by now. */
        COMMUNITY_TAKEN
    }

    public boolean possible() {
        return refusal == null;
    }

    static MoveCheck refused(Refusal refusal, String message) {
        return new MoveCheck(refusal, null, null, null, message);
    }
}
