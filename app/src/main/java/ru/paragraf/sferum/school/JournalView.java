package ru.paragraf.sferum.school;

import java.util.List;
import java.util.UUID;

/** A journal with its teachers and lessons, as shown on the journal page and returned by the API. */
record JournalView(
        UUID id,
        UUID organizationId,
        String organizationName,
        String academicYear,
        JournalKind kind,
        String subject,
        String groupTitle,
        boolean subjectChatRequested,
        List<TeacherRef> teachers,
        List<LessonRow> lessons) {

    /** A teacher of the journal. */
    record TeacherRef(UUID id, String fullName) {}
}
