package ru.paragraf.sferum.sync;

/** What an operation does in the messenger. */
enum OperationKind {
    CREATE_CHAT,
    INVITE_LINK,
    ADD_MEMBER,
    REMOVE_MEMBER,
    START_CALL,
    FINISH_CALL,
    ANNOUNCE_CALL
}
