package ru.paragraf.sferum.sync;

/** The life of a subject chat in the ledger ({@code sync.chat.state}, stored by name, see {@link SqlNames}). */
enum ChatState {
    /** Written before the messenger is asked to create it: after a crash the chat is looked up and adopted. */
    CREATING,
    ACTIVE,
    /** Its creation failed; the next planning tries again. */
    FAILED,
    /** The messenger no longer has it: a new chat replaces it at the next video lesson. */
    LOST,
    /**
     * Its academic year was closed: renamed with the year, the closing message pinned; nothing more is planned for
     * it but taking its pupils and parents out where the school chose it.
     */
    ARCHIVED
}
