package ru.paragraf.sferum.sync;

/** Where an operation of the queue stands ({@code sync.operation.status}, stored by name, see {@link SqlNames}). */
enum OperationStatus {
    /** Waiting for its turn ({@code next_attempt_at}). */
    PENDING,
    /** Claimed by a node ({@code locked_by}) until it ends or its lease runs out. */
    RUNNING,
    DONE,
    FAILED,
    /** Taken back by an operator. */
    CANCELLED
}
