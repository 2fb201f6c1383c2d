package ru.paragraf.sferum.sync;

/** Where a school's hold on big removals stands ({@code sync.removal_hold.state}, stored by name, see {@link SqlNames}). */
enum RemovalHoldState {
    /** The removals wait for an administrator; none of the school's is planned. */
    HELD,
    /** An administrator let the previewed removals through. */
    RELEASED,
    /** An administrator kept everyone in place: the previewed pairs are not planned again. */
    DISCARDED
}
