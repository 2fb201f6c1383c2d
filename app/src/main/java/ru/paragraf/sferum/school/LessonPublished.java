package ru.paragraf.sferum.school;

import java.util.UUID;

/** A lesson became visible in the diary. */
public record LessonPublished(UUID lesson, UUID journal, UUID organization, LessonFormat format) {}
