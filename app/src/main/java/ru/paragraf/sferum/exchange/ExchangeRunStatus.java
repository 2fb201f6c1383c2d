package ru.paragraf.sferum.exchange;

/** Where a run is in its life. */
public enum ExchangeRunStatus {
    /** Waiting for a scheduler thread, or for the task's previous run to end. */
    QUEUED,
    RUNNING,
    /** Ended, and every item is OK, a warning or skipped. */
    SUCCEEDED,
    /** Ended by an error of the run itself. */
    FAILED,
    /** Ended, and some items failed. */
    PARTIAL,
    /** Stopped on a user's request. */
    CANCELLED;

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }
}
