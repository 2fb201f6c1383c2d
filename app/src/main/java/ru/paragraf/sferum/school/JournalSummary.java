package ru.paragraf.sferum.school;

import java.util.UUID;

/**
 * A journal as the diary lists it beside its subject chat: what is taught, to whom, and whether the journal's
 * «Чат по предмету» selector asks for a chat.
 */
public record JournalSummary(
        UUID journalId, String subject, String groupTitle, JournalKind kind, boolean subjectChatRequested) {}
