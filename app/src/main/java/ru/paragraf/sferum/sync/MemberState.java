package ru.paragraf.sferum.sync;

/**
 * Whether someone the engine put into a chat is still in it, or could not be put in
 * ({@code sync.chat_member.state}, stored by name, see {@link SqlNames}).
 */
enum MemberState {
    ACTIVE,
    REMOVED,
    /** Not in the chat: joining failed, for the reason recorded with it; tried again at the next planning. */
    FAILED,
    /** Not in the chat any more by their own doing: the messenger no longer lists them; put in again while they belong. */
    LEFT
}
