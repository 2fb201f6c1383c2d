package ru.paragraf.sferum.sync;

/**
 * Why someone belongs in a subject chat: a teacher of the journal, a pupil it teaches, or such a pupil's parent
 * ({@code sync.chat_member.role} and the role of {@code school.sync_journal_member}, stored by name, see
 * {@link SqlNames}).
 */
enum MemberRole {
    TEACHER,
    PUPIL,
    PARENT
}
