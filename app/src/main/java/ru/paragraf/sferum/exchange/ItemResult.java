package ru.paragraf.sferum.exchange;

/** The outcome for one object of a run. */
public enum ItemResult {
    OK,
    /** Done, but something needs attention. */
    WARNING,
    /** Not done; the item's message says why and its link leads to what to fix. */
    ERROR,
    /** Deliberately not processed. */
    SKIPPED
}
