package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A journal without its lessons: what the journal page shows above them and the subject chat's card shows, with
 * its academic year's bounds, which choose the months the page offers.
 */
record JournalHeader(
        UUID id,
        UUID organizationId,
        String organizationName,
        String academicYear,
        LocalDate yearStarts,
        LocalDate yearEnds,
        JournalKind kind,
        String subject,
        String groupTitle,
        boolean subjectChatRequested,
        List<JournalView.TeacherRef> teachers) {}
