package ru.paragraf.sferum.school;

import java.util.UUID;

/** A line of the journals list: what is taught, to whom, by whom. */
record JournalRow(
        UUID id, JournalKind kind, String subject, String groupTitle, String teachers, boolean subjectChatRequested) {}
