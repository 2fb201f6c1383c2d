package ru.paragraf.sferum.notices;

/** What a notice tells; its text is {@code notices.kind.<NAME>} with the notice's arguments. */
enum NoticeKind {
    /** The teacher's VK ID link stopped working. Closed when they link again. */
    VK_ID_RELINK,
    /**
     * A call could not be started for the teacher's lesson. Closed when the teacher links their VK ID (again), a VK
     * Sferum account is entered in their staff file, the lesson is withdrawn, or its call is started after all.
     */
    CALL_FAILED,
    /** The teacher's subject chat was created. */
    CHAT_CREATED,
    /** The school's community credentials failed. Closed when they are verified again. */
    CREDENTIALS_FAILED,
    /** An exchange run of the school found errors. Closed when the task's next run ends without errors. */
    RUN_ERRORS,
    /** Strangers were removed from the school's subject chats (one notice a day, counting them). */
    STRANGERS_REMOVED,
    /** The district's daily summary of schools not ready. Closed by the next summary, or when all are ready. */
    SCHOOLS_NOT_READY;

    /** Whether the person has something to fix (the notice closes when it is fixed), or is only informed. */
    boolean fixable() {
        return this != CHAT_CREATED && this != STRANGERS_REMOVED;
    }

    String textKey() {
        return "notices.kind." + name();
    }
}
