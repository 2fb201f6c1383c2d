package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The lesson's time, topic and pasted video link as typed into the journal (or put over the API: a link left out
 * is no link).
 */
record LessonForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
        @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime startsAt,
        @Nullable Integer durationMinutes,
        @Nullable String topic,
        @Nullable String videoLink) {

    static final LocalTime EARLIEST = LocalTime.of(7, 0);
    static final LocalTime LATEST = LocalTime.of(21, 0);
    static final int MAX_TOPIC = 300;

    static LessonForm of(LessonRow lesson) {
        return new LessonForm(
                lesson.lessonDate(), lesson.startsAt(), lesson.durationMinutes(), lesson.topic(), lesson.videoLink());
    }

    /**
     * Rejects what a school day cannot hold and a link {@code links} does not allow, with message codes of
     * messages_ru.properties; returns the link as it is to be stored.
     */
    @Nullable
    String validate(Errors errors, LocalDate yearStarts, LocalDate yearEnds, VideoLinks links) {
        if (date == null) {
            errors.rejectValue("date", "lesson.form.date.required");
        } else if (date.isBefore(yearStarts) || date.isAfter(yearEnds)) {
            errors.rejectValue("date", "lesson.form.date.outsideYear");
        }
        if (startsAt == null) {
            errors.rejectValue("startsAt", "lesson.form.startsAt.required");
        } else if (startsAt.isBefore(EARLIEST) || startsAt.isAfter(LATEST)) {
            errors.rejectValue("startsAt", "lesson.form.startsAt.outsideDay");
        }
        if (durationMinutes == null || durationMinutes < 5 || durationMinutes > 240) {
            errors.rejectValue("durationMinutes", "lesson.form.duration.range");
        }
        if (topic != null && topic.strip().length() > MAX_TOPIC) {
            errors.rejectValue("topic", "lesson.form.topic.tooLong");
        } else if (topic != null && topic.chars().anyMatch(Character::isISOControl)) {
            // control characters are never typed; NUL would not even fit into PostgreSQL's text
            errors.rejectValue("topic", "lesson.form.topic.control");
        }
        return links.check(videoLink, errors, "videoLink");
    }

    /** The edit of a validated form, with the link {@link #validate} returned. */
    LessonEdit.Reschedule toEdit(@Nullable String checkedVideoLink) {
        var cleanTopic = topic == null || topic.isBlank() ? null : topic.strip();
        return new LessonEdit.Reschedule(date, startsAt, durationMinutes, cleanTopic, checkedVideoLink);
    }
}
