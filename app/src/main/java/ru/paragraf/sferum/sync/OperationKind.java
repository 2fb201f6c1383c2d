package ru.paragraf.sferum.sync;

import org.jspecify.annotations.Nullable;

/**
 * What an operation does in the messenger: the name of an {@link Action}'s kind in the queue
 * ({@code sync.operation.kind}, stored by name, see {@link SqlNames}), and what it needs of the provider.
 */
enum OperationKind {
    CREATE_CHAT,
    INVITE_LINK,
    RENEW_INVITE_LINK,
    ADD_MEMBER,
    REMOVE_MEMBER,
    CHECK_MEMBERS,
    REMOVE_STRANGER,
    START_CALL,
    FINISH_CALL,
    ANNOUNCE_CALL,
    ANNOUNCE_LESSON_CHANGE,
    RENEW_CALL,
    ARCHIVE_CHAT,
    ADOPT_CHAT,
    REPLY,
    CLOSE_PREVIOUS_CHAT,
    ANNOUNCE_LESSON_LINK;

    /** What the provider must be able to do for this kind; null: posting in a chat it has, which every provider can. */
    @Nullable
    ProviderCapability needs() {
        return switch (this) {
            case CREATE_CHAT -> ProviderCapability.CREATES_CHATS;
            case INVITE_LINK, RENEW_INVITE_LINK -> ProviderCapability.INVITE_LINKS;
            case ADD_MEMBER, REMOVE_MEMBER, REMOVE_STRANGER -> ProviderCapability.MEMBERS;
            case CHECK_MEMBERS -> ProviderCapability.READS_MEMBERS;
                // an announcement carries a call's link: nothing to announce without calls
            case START_CALL, FINISH_CALL, ANNOUNCE_CALL, RENEW_CALL -> ProviderCapability.CALLS;
                // a message in a chat the provider has: only a lesson whose call was announced has news to say
            case ANNOUNCE_LESSON_CHANGE -> null;
                // renaming and pinning in a chat it has, as posting
            case ARCHIVE_CHAT -> null;
                // a chat people made and bound with a code, and answers in chats: renaming and posting
            case ADOPT_CHAT, REPLY -> null;
                // a message in the chat of the messenger the school left, through that messenger's provider
            case CLOSE_PREVIOUS_CHAT -> null;
                // a lesson's video link posted in a chat it has; planned only where the messenger has no calls
            case ANNOUNCE_LESSON_LINK -> null;
        };
    }
}
