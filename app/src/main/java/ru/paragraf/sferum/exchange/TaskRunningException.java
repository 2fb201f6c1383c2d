package ru.paragraf.sferum.exchange;

/** The task cannot be deleted while one of its runs executes. */
class TaskRunningException extends RuntimeException {

    TaskRunningException() {
        super("The task is running");
    }
}
