package ru.paragraf.sferum.linkbase;

/** What the preview found for one row of a hand-down file. */
enum RowOutcome {
    /** Valid; Sferum not asked yet. */
    PENDING,
    /** Sferum confirmed the pair: applied as «проверено». */
    VERIFIED,
    /** Sferum could not be asked: applied as «не проверены» and re-verified later. */
    UNVERIFIED,
    /** Invalid, out of scope, or refused by Sferum: never applied. */
    ERROR;

    boolean passed() {
        return this == VERIFIED || this == UNVERIFIED;
    }
}
