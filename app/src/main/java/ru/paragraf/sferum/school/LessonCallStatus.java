package ru.paragraf.sferum.school;

import org.jspecify.annotations.Nullable;

/**
 * The video call of a lesson as the journal and the diary show it: «запланирован», «готов» (with the link) or
 * «ошибка» (with the reason). A finished call has no link: a dead link is never shown.
 */
public record LessonCallStatus(State state, @Nullable String joinLink, @Nullable String problem) {

    /** Whether the call is still being prepared, so that a page showing it looks again soon. */
    public boolean awaitsSync() {
        return state == State.PLANNED;
    }

    /** States of a lesson's call. */
    public enum State {
        PLANNED,
        READY,
        ERROR,
        FINISHED
    }
}
