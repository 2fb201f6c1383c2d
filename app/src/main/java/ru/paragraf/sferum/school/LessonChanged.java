package ru.paragraf.sferum.school;

import java.util.Set;
import java.util.UUID;

/** A lesson's format (video call or in person), time, topic or pasted video link changed. */
public record LessonChanged(UUID lesson, UUID journal, UUID organization, Set<Change> changes) {

    /** What changed. */
    public enum Change {
        FORMAT,
        TIME,
        TOPIC,
        /** The link a teacher pasted for a school whose messenger cannot start calls. */
        VIDEO_LINK
    }
}
