package ru.paragraf.sferum.school;

import java.util.List;
import java.util.UUID;

/** A journal with its teachers and every lesson of its year, as the API returns it. */
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

    static JournalView of(JournalHeader journal, List<LessonRow> lessons) {
        return new JournalView(
                journal.id(),
                journal.organizationId(),
                journal.organizationName(),
                journal.academicYear(),
                journal.kind(),
                journal.subject(),
                journal.groupTitle(),
                journal.subjectChatRequested(),
                journal.teachers(),
                lessons);
    }

    /** A teacher of the journal. */
    record TeacherRef(UUID id, String fullName) {}
}
