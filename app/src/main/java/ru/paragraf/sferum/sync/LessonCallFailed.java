package ru.paragraf.sferum.sync;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The call of a lesson could not be started, for good (no more retries; the journal shows what to do).
 *
 * @param title the journal's chat title (subject and class)
 * @param teachers the journal's teachers (employees)
 */
public record LessonCallFailed(
        UUID organization,
        UUID lesson,
        UUID journal,
        String title,
        LocalDate date,
        LocalTime startsAt,
        List<UUID> teachers) {}
