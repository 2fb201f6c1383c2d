package ru.paragraf.sferum.sync;

/** The life of a lesson's call in the ledger ({@code sync.call.state}, stored by name, see {@link SqlNames}). */
enum CallState {
    /** Written before the messenger is asked to start it: a start whose answer was lost is counted. */
    STARTING,
    ACTIVE,
    FINISHED,
    /** It could not be started, or can no longer be vouched for: shown as «ошибка» with the reason. */
    FAILED
}
