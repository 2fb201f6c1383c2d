package ru.paragraf.sferum.school;

import java.util.UUID;

/** A published lesson was taken back from the diary. */
public record LessonWithdrawn(UUID lesson, UUID journal, UUID organization) {}
