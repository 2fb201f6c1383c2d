package ru.paragraf.sferum.sync;

import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a journal's chat was last told of a lesson, and the lesson as it is now: the change to say in the chat, if
 * there is one — moved, switched to in-person, withdrawn or deleted after its call was announced (DESIGN §4, «a
 * moved, cancelled or in-person lesson is said so in the chat once»).
 *
 * @param chatTitle the title of the journal's chat, which names the lesson («Математика 7А»)
 * @param toldIn the chat that was told, null if none was
 * @param generation the generation of the lesson's call
 * @param changesTold how many changes of the lesson were said before
 */
record LessonNews(String chatTitle, @Nullable Long toldIn, int generation, int changesTold, Held told, Held now) {

    /** How a lesson is held and when; no time for a lesson deleted from its journal. */
    record Held(HeldAs as, @Nullable LocalDateTime start, @Nullable LocalDateTime end) {}

    /**
     * Whether there is something to say in the chat: it heard of the lesson held by video call (its call was
     * announced there), and the lesson is no longer held so, or not at the time it heard of.
     */
    boolean worthSayingIn(long chat) {
        return told.as() == HeldAs.VIDEO_CALL
                && toldIn != null
                && toldIn == chat
                && (now.as() != HeldAs.VIDEO_CALL || !Objects.equals(now.start(), told.start()));
    }

    /**
     * VK's {@code random_id} of the message: derived from the change — the lesson, what the chat knew (which chat, how
     * many changes it had been told of) and what it is told now — so that a repeated attempt, a replayed event or a
     * second operation for the same change posts nothing new, while a later change, even back to an earlier time, is
     * a new message.
     */
    long dedupeKey(CallKey call) {
        return Announcements.dedupeKey("lesson-change:" + call.lesson() + ":" + generation + ":" + changesTold + ":"
                + toldIn + ":" + told.start() + ">" + now.as() + ":" + now.start());
    }
}
