package ru.paragraf.sferum.school;

import org.jspecify.annotations.Nullable;

/**
 * What the journal page shows about its subject chat.
 *
 * @param inviteLink where pupils and parents join, once the chat exists and is synchronized
 * @param problem why it failed, in Russian, for {@link State#ERROR}
 * @param remedy what the school can do about it, in Russian
 * @param inviteLinks whether the school's messenger hands out invite links; one that does not (MAX) adds people by
 *     its bot, and the link, if any, is the chat's own as the messenger gives it: no invite link is awaited or missed
 */
public record SubjectChatStatus(
        State state,
        @Nullable String inviteLink,
        @Nullable String problem,
        @Nullable String remedy,
        @Nullable String move,
        boolean inviteLinks) {

    public SubjectChatStatus(
            State state, @Nullable String inviteLink, @Nullable String problem, @Nullable String remedy) {
        this(state, inviteLink, problem, remedy, null, true);
    }

    /** The same status of a chat in a messenger that hands out no invite links. */
    public SubjectChatStatus withoutInviteLinks() {
        return new SubjectChatStatus(state, inviteLink, problem, remedy, move, false);
    }

    /**
     * The same status with what the school's move to another messenger means for this journal's chat («перенесён в
     * MAX», or waiting for its adoption there).
     */
    public SubjectChatStatus withMove(@Nullable String move) {
        return new SubjectChatStatus(state, inviteLink, problem, remedy, move, inviteLinks);
    }

    /** The life of a subject chat as users see it. */
    public enum State {
        NOT_REQUESTED,
        /** Requested; created when the first lesson of the journal is published in video-call mode. */
        REQUESTED,
        /** The conditions are met and the chat is being created. */
        PENDING,
        CREATED,
        /** The selector was switched off: the chat stays, but is no longer kept in sync. */
        NOT_SYNCED,
        ERROR,
        /** Its academic year was closed: renamed with the year, in the archive; nothing is kept in sync any more. */
        ARCHIVED
    }

    /**
     * Whether the synchronization is still at work on the chat (being created, or created and its invite link on
     * the way: never in a messenger without invite links), so that a page showing it looks again soon.
     */
    public boolean awaitsSync() {
        return state == State.PENDING
                || (state == State.CREATED && inviteLink == null && problem == null && inviteLinks);
    }

    public static SubjectChatStatus of(State state) {
        return new SubjectChatStatus(state, null, null, null);
    }
}
