package ru.paragraf.sferum.sync;

import java.util.UUID;

/** The call of a lesson is live in the messenger. */
public record LessonCallStarted(UUID organization, UUID lesson) {}
