package ru.paragraf.sferum.sync;

import java.util.UUID;

/**
 * The call of a lesson could not be started, for good (no more retries; the journal shows what to do). The lesson's
 * journal, day and teachers: {@link ChatFacts}.
 */
public record LessonCallFailed(UUID organization, UUID lesson) {}
