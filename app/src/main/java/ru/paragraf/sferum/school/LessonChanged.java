package ru.paragraf.sferum.school;

import java.util.Set;
import java.util.UUID;

/** A lesson's format (video call or in person), time or topic changed. */
public record LessonChanged(UUID lesson, UUID journal, UUID organization, Set<Change> changes) {

    /** What changed. */
    public enum Change {
        FORMAT,
        TIME,
        TOPIC
    }
}
