package ru.paragraf.sferum.sync;

/**
 * Whether a teacher the engine put into a chat is still in it ({@code sync.chat_member.state}, stored by name, see
 * {@link SqlNames}).
 */
enum MemberState {
    ACTIVE,
    REMOVED
}
