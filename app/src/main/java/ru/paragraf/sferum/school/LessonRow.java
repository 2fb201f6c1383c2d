package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A lesson of a journal. */
record LessonRow(
        UUID id,
        LocalDate lessonDate,
        LocalTime startsAt,
        int durationMinutes,
        @Nullable String topic,
        @Nullable String videoLink,
        LessonFormat format,
        Publication publication,
        @Nullable String substitute) {}
