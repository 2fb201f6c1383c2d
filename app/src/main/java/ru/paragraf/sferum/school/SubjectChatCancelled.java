package ru.paragraf.sferum.school;

import java.util.UUID;

/** The «Чат по предмету» selector was switched off: the chat, if any, is no longer synchronized (never deleted). */
public record SubjectChatCancelled(UUID journal, UUID organization, UUID academicYear) {}
