package ru.paragraf.sferum.exchange;

/** Why the scheduler fired a task's job; stored in the trigger's data. */
enum TriggerKind {
    /** The task's cron schedule. */
    CRON,
    /** «Запустить сейчас»: the trigger names the queued run. */
    MANUAL,
    /** A run was left RUNNING by a node that stopped: take it over. */
    RESUME
}
