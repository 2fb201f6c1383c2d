package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A school's move between messengers as pages and the API show it: where it is, and per journal whose chat was in the
 * messenger the school left, whether its chat is moved («перенесён в MAX») or waits for adoption.
 *
 * @param messenger the school's messenger now ({@code VK} or {@code MAX}); null without credentials
 * @param moved journals whose chat is adopted in the school's messenger now
 * @param toMove journals whose previous chat is kept, moved or not
 */
record MoveView(
        UUID organizationId,
        @Nullable String messenger,
        int moved,
        int toMove,
        boolean canMoveBack,
        List<Journal> journals) {

    /**
     * @param status {@code MOVED} (the chat is adopted and, once told, the previous chat closed) or
     *     {@code WAITING_FOR_ADOPTION}
     * @param statusText its Russian wording
     * @param closed whether the previous chat got its closing message
     */
    record Journal(UUID journalId, String title, String status, String statusText, boolean closed) {}
}
