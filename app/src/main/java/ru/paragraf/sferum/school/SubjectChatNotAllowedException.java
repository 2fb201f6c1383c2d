package ru.paragraf.sferum.school;

/** The «Чат по предмету» selector was switched on for a journal that is not a general-education one. */
class SubjectChatNotAllowedException extends RuntimeException {

    private final JournalKind kind;

    SubjectChatNotAllowedException(JournalKind kind) {
        super("A subject chat is allowed for general-education journals only, not for " + kind);
        this.kind = kind;
    }

    JournalKind kind() {
        return kind;
    }
}
