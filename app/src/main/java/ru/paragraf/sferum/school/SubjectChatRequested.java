package ru.paragraf.sferum.school;

import java.util.UUID;

/** The «Чат по предмету» selector of a general-education journal was switched on. */
public record SubjectChatRequested(UUID journal, UUID organization, UUID academicYear) {}
