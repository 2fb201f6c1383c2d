package ru.paragraf.sferum.school;

import org.jspecify.annotations.Nullable;

/**
 * A person's own place in a subject chat, as the diary shows it to them: in the chat, being added, why not, or what
 * to do to be added.
 *
 * @param problem why adding failed, in Russian, for {@link State#ERROR}
 */
public record ChatMembership(State state, @Nullable String problem) {

    /** The person's side of a subject chat. */
    public enum State {
        /** In the chat. */
        IN_CHAT,
        /** Belongs, has a VK ID: being put into the chat. */
        ADDING,
        /** Belongs, but could not be put into the chat; {@link #problem} says why. */
        ERROR,
        /** Belongs, but has no VK ID linked: joins by the invite link, or links VK ID to be added. */
        LINK_VK_ID,
        /** Belongs, but VK ID no longer accepts the link: to be added, the person links VK ID again. */
        RELINK_VK_ID,
        /** Does not belong in this chat (a parent, where the school keeps parents out of subject chats). */
        NOT_MEMBER
    }

    /** Whether the person belongs in the chat, and so may see its invite link. */
    public boolean belongs() {
        return state != State.NOT_MEMBER;
    }

    /** Whether the engine is still at work putting the person in, so that a page showing it looks again soon. */
    public boolean awaitsSync() {
        return state == State.ADDING;
    }

    public static ChatMembership of(State state) {
        return new ChatMembership(state, null);
    }
}
