package ru.paragraf.sferum.sync;

/**
 * How a lesson is held, as its journal's chat was last told ({@code sync.call.told_as}, stored by name, see
 * {@link SqlNames}) or as the school's data has it now.
 */
enum HeldAs {
    /** By video call, at its time: what the announcement of its call said. */
    VIDEO_CALL,
    IN_PERSON,
    /** Not held: withdrawn from the diary, or deleted. */
    CANCELLED
}
