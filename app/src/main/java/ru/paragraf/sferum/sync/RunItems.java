package ru.paragraf.sferum.sync;

import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.exchange.ExchangeRunItem;
import ru.paragraf.sferum.exchange.ItemResult;

/**
 * The items of a SFERUM_SYNC run: what each is about ({@link Subject}, message {@code exchange.object.*}) and what
 * was done ({@link Step}, or the operation's kind; message {@code exchange.action.*}), as the run page shows them.
 */
final class RunItems {

    /** What an item is about. */
    enum Subject {
        ORGANIZATION,
        TEACHER,
        CHAT,
        CHAT_MEMBER,
        CALL;

        /** What an operation of this kind is about. */
        static Subject of(OperationKind kind) {
            return switch (kind) {
                case CREATE_CHAT,
                        INVITE_LINK,
                        RENEW_INVITE_LINK,
                        CHECK_MEMBERS,
                        ARCHIVE_CHAT,
                        ADOPT_CHAT,
                        REPLY,
                        CLOSE_PREVIOUS_CHAT -> CHAT;
                case ADD_MEMBER, REMOVE_MEMBER, REMOVE_STRANGER -> CHAT_MEMBER;
                case START_CALL,
                        FINISH_CALL,
                        ANNOUNCE_CALL,
                        ANNOUNCE_LESSON_CHANGE,
                        RENEW_CALL,
                        ANNOUNCE_LESSON_LINK -> CALL;
            };
        }
    }

    /** What the run did besides operations: its checks, and synchronizing as a whole. */
    enum Step {
        CHECK_CREDENTIALS,
        CHECK_VK_ID,
        CHECK_CHATS,
        CHECK_CHAT,
        CHECK_CALL,
        FIND_STRANGERS,
        SYNCHRONIZE
    }

    /** The actions whose text names the messenger: {@code exchange.action.<code>.max} for a school on MAX. */
    private static final java.util.Set<String> NAMING_THE_MESSENGER =
            java.util.Set.of(Step.CHECK_CHATS.name(), Step.CHECK_CHAT.name(), OperationKind.CHECK_MEMBERS.name());

    private RunItems() {}

    /** The item as the run page words it for a school on {@code messenger}: «в MAX», not «в VK Сферум». */
    static ExchangeRunItem in(Messenger messenger, ExchangeRunItem item) {
        if (!NAMING_THE_MESSENGER.contains(item.action())) {
            return item;
        }
        return new ExchangeRunItem(
                item.objectType(),
                item.objectId(),
                item.objectTitle(),
                messenger.textKey(item.action()),
                item.result(),
                item.message(),
                item.link());
    }

    static ExchangeRunItem of(
            ItemResult result,
            Subject subject,
            @Nullable Object id,
            @Nullable String title,
            Step step,
            @Nullable String message) {
        return ExchangeRunItem.of(result, subject.name(), id, title, step.name(), message);
    }

    /** An item about an operation of this kind, or operations of it. */
    static ExchangeRunItem of(
            ItemResult result,
            OperationKind kind,
            @Nullable Object id,
            @Nullable String title,
            @Nullable String message) {
        return ExchangeRunItem.of(result, Subject.of(kind).name(), id, title, kind.name(), message);
    }
}
