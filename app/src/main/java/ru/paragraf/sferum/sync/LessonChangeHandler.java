package ru.paragraf.sferum.sync;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/**
 * Carries out the message that a lesson changed after its call was announced in the journal's chat: «Урок … перенесён:
 * было … — стало …», «… проводится очно», «… отменён». It says the change between what the chat knows and the lesson
 * as it is when the operation runs, so a chain of changes made before it runs is said as one; once said, the chat
 * knows the lesson as it is, and another operation for the same change finds nothing left to say.
 */
@Component
class LessonChangeHandler {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messengers messengers;
    private final Ledger ledger;
    private final OperationProblems problems;
    private final MessageSource messages;

    LessonChangeHandler(Messengers messengers, Ledger ledger, OperationProblems problems, MessageSource messages) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.problems = problems;
        this.messages = messages;
    }

    /** Only in the chat that was told of the lesson: a chat that replaced a lost one never heard of it. */
    Completion announce(Action.AnnounceLessonChange action, CommunityAccess community) {
        var chat = ledger.chat(action.chat()).orElse(null);
        var news = ledger.told().of(action.call()).orElse(null);
        if (chat == null || chat.state() != ChatState.ACTIVE || chat.chatId() == null || news == null) {
            return Completion.done();
        }
        long chatId = chat.chatId();
        if (!news.worthSayingIn(chatId)) {
            return Completion.done();
        }
        return messengers
                .providerOf(action.chat().organization())
                .post(community, chatId, news.dedupeKey(action.call()), text(news))
                .fold(
                        posted -> Completion.done(new LedgerChange.LessonChangeSaid(action.call(), news)),
                        problem -> problems.onChat(problem, action.chat(), chat));
    }

    /** The message, in the school's (Moscow) time: the lesson as the chat knew it, and what it is now. */
    String text(LessonNews news) {
        var told = Objects.requireNonNull(news.told().start());
        var now = news.now();
        return switch (now.as()) {
            case CANCELLED -> text("sync.lessonChange.cancelled", news.chatTitle(), told);
            case IN_PERSON -> told.equals(now.start())
                    ? text("sync.lessonChange.inPerson", news.chatTitle(), told)
                    : text("sync.lessonChange.inPersonMoved", news.chatTitle(), told, now.start());
            case VIDEO_CALL -> text("sync.lessonChange.moved", news.chatTitle(), told, now.start());
        };
    }

    private String text(String key, String title, LocalDateTime... times) {
        var arguments = new Object[1 + 2 * times.length];
        arguments[0] = title;
        for (int i = 0; i < times.length; i++) {
            arguments[1 + 2 * i] = times[i].format(DATE);
            arguments[2 + 2 * i] = times[i].format(TIME);
        }
        return messages.getMessage(key, arguments, SyncTexts.RUSSIAN);
    }
}
