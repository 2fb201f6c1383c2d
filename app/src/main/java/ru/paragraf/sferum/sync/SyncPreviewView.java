package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * «Предпросмотр» of a school: what the next SFERUM_SYNC run would do, in Russian words, and whether it may act.
 *
 * @param stateText why the run would do nothing, in Russian; {@code null} while the school is ready
 * @param operations the operations already in the queue (the run takes them over) and those it would plan, in the
 *     order the school's queue would carry them out; empty while the school is not ready
 * @param waiting the open operations of a school that is not ready: they wait, the run does not take them over
 */
record SyncPreviewView(
        UUID organizationId,
        String organization,
        State state,
        @Nullable String stateText,
        List<PreviewOperation> operations,
        List<PreviewOperation> waiting) {

    /** Whether the next run may act for the school. */
    enum State {
        READY,
        /** No verified credentials or no enabled SFERUM_SYNC task: the run plans nothing. */
        NOT_CONNECTED,
        /** The community's credentials failed: nothing happens until they are verified again. */
        PAUSED
    }
}
