package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lesson as a timetable shows it: when, what, for whom, and whether it is published.
 *
 * @param videoLink the link a teacher pasted for its video call, for a school whose messenger cannot start calls
 */
public record TimetableLesson(
        UUID lessonId,
        UUID journalId,
        LocalDate lessonDate,
        LocalTime startsAt,
        int durationMinutes,
        String subject,
        String groupTitle,
        @Nullable String topic,
        @Nullable String videoLink,
        LessonFormat format,
        Publication publication,
        @Nullable String substitute) {}
