package ru.paragraf.sferum.sync;

import org.jspecify.annotations.Nullable;

/**
 * One row of «Предпросмотр»: the object (e.g. «Чат «Алгебра 7А»»), the action and why, in Russian, with the
 * operation's kind and object key as the queue knows them.
 */
record PreviewOperation(
        OperationKind kind, String objectKey, String object, String action, @Nullable String reason, Status status) {

    /** Where the operation stands (messages {@code preview.status.*}). */
    enum Status {
        /** The run would enqueue it. */
        PLANNED,
        /** Waiting in the queue; the run takes it over. */
        QUEUED,
        /** Being carried out now. */
        RUNNING
    }
}
