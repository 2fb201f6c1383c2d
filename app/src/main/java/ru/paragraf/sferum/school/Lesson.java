package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lesson of a journal and the changes a teacher or school admin may make to it. Each change returns the events
 * it causes; a change that changes nothing causes none, so repeating a request is harmless.
 */
final class Lesson {

    private final UUID id;
    private final UUID journal;
    private final UUID organization;
    private LocalDate date;
    private LocalTime startsAt;
    private int durationMinutes;
    private @Nullable String topic;
    private @Nullable String videoLink;
    private LessonFormat format;
    private Publication publication;
    private final int version;

    Lesson(
            UUID id,
            UUID journal,
            UUID organization,
            LocalDate date,
            LocalTime startsAt,
            int durationMinutes,
            @Nullable String topic,
            @Nullable String videoLink,
            LessonFormat format,
            Publication publication,
            int version) {
        this.id = id;
        this.journal = journal;
        this.organization = organization;
        this.date = date;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.topic = topic;
        this.videoLink = videoLink;
        this.format = format;
        this.publication = publication;
        this.version = version;
    }

    List<Object> holdAs(LessonFormat wanted) {
        if (format == wanted) {
            return List.of();
        }
        format = wanted;
        return List.of(changed(EnumSet.of(LessonChanged.Change.FORMAT)));
    }

    List<Object> publish() {
        if (publication == Publication.PUBLISHED) {
            return List.of();
        }
        publication = Publication.PUBLISHED;
        return List.of(new LessonPublished(id, journal, organization, format));
    }

    List<Object> withdraw() {
        if (publication != Publication.PUBLISHED) {
            return List.of();
        }
        publication = Publication.WITHDRAWN;
        return List.of(new LessonWithdrawn(id, journal, organization));
    }

    /** Changes time, topic and pasted video link; the caller has validated the values. */
    List<Object> edit(
            LocalDate newDate,
            LocalTime newStart,
            int newDuration,
            @Nullable String newTopic,
            @Nullable String newVideoLink) {
        var changes = EnumSet.noneOf(LessonChanged.Change.class);
        if (!newDate.equals(date) || !newStart.equals(startsAt) || newDuration != durationMinutes) {
            changes.add(LessonChanged.Change.TIME);
        }
        if (!Objects.equals(newTopic, topic)) {
            changes.add(LessonChanged.Change.TOPIC);
        }
        if (!Objects.equals(newVideoLink, videoLink)) {
            changes.add(LessonChanged.Change.VIDEO_LINK);
        }
        videoLink = newVideoLink;
        date = newDate;
        startsAt = newStart;
        durationMinutes = newDuration;
        topic = newTopic;
        var events = new ArrayList<Object>();
        if (!changes.isEmpty()) {
            events.add(changed(changes));
        }
        return events;
    }

    private LessonChanged changed(EnumSet<LessonChanged.Change> changes) {
        return new LessonChanged(id, journal, organization, Set.copyOf(changes));
    }

    UUID id() {
        return id;
    }

    UUID journal() {
        return journal;
    }

    UUID organization() {
        return organization;
    }

    LocalDate date() {
        return date;
    }

    LocalTime startsAt() {
        return startsAt;
    }

    int durationMinutes() {
        return durationMinutes;
    }

    @Nullable
    String topic() {
        return topic;
    }

    @Nullable
    String videoLink() {
        return videoLink;
    }

    LessonFormat format() {
        return format;
    }

    Publication publication() {
        return publication;
    }

    int version() {
        return version;
    }
}
