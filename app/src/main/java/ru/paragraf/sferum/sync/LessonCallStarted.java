package ru.paragraf.sferum.sync;

import java.util.UUID;

/**
 * The call of a lesson whose start had failed for good ({@link LessonCallFailed}) was started after all, e.g. by the
 * next run once VK accepted it: what its teachers were told is fixed. Not published for calls that never failed.
 */
public record LessonCallStarted(UUID organization, UUID lesson) {}
