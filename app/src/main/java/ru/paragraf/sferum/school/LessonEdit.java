package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/** A change a teacher or school admin asks for on a lesson. */
sealed interface LessonEdit {

    /** «Назначить видеозвонок» or back to in person. */
    record HoldAs(LessonFormat format) implements LessonEdit {}

    record Publish() implements LessonEdit {}

    record Withdraw() implements LessonEdit {}

    /** New time, topic and pasted video link, already validated. */
    record Reschedule(
            LocalDate date, LocalTime startsAt, int durationMinutes, @Nullable String topic, @Nullable String videoLink)
            implements LessonEdit {}
}
