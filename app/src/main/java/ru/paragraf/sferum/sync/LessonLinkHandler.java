package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.ChatMessage;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/**
 * Carries out the message a journal's chat gets of a lesson held at a video link, for a school whose messenger cannot
 * start calls: the lesson, its time, the link in the text, and a button that opens it. Once per lesson and link: a
 * link changed before or during the lesson is said once more, as changed. It posts the lesson as it is when the
 * operation runs, so a link changed twice before it runs is posted once.
 */
@Component
class LessonLinkHandler {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messengers messengers;
    private final Ledger ledger;
    private final OperationProblems problems;
    private final MessageSource messages;
    private final Clock clock;

    LessonLinkHandler(
            Messengers messengers, Ledger ledger, OperationProblems problems, MessageSource messages, Clock clock) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.problems = problems;
        this.messages = messages;
        this.clock = clock;
    }

    Completion announce(Action.AnnounceLessonLink action, CommunityAccess community) {
        var chat = ledger.chat(action.chat()).orElse(null);
        var lesson = ledger.lessonLinks().of(action.lesson()).orElse(null);
        if (chat == null || chat.state() != ChatState.ACTIVE || chat.chatId() == null || lesson == null) {
            return Completion.done();
        }
        long chatId = chat.chatId();
        if (!lesson.toBeToldIn(chatId, LocalDateTime.now(clock))) {
            return Completion.done();
        }
        return messengers
                .providerOf(action.chat().organization())
                .post(community, chatId, lesson.dedupeKey(chatId), message(lesson, lesson.changesALinkToldIn(chatId)))
                .fold(
                        posted -> Completion.done(new LedgerChange.LessonLinkTold(lesson, chatId)),
                        problem -> problems.onChat(problem, action.chat(), chat));
    }

    /** The message, in the school's (Moscow) time: the link in its text and on its button. */
    ChatMessage message(LessonLinks.LinkLesson lesson, boolean changed) {
        var link = Objects.requireNonNull(lesson.link());
        var topic = lesson.topic();
        var noTopic = topic == null || topic.isBlank();
        var key = (changed ? "sync.lessonLink.changed" : "sync.lessonLink") + (noTopic ? ".noTopic" : "");
        var text = messages.getMessage(
                key,
                new Object[] {
                    lesson.chatTitle(),
                    lesson.start().format(DATE),
                    lesson.start().format(TIME),
                    topic,
                    link
                },
                SyncTexts.RUSSIAN);
        var caption = messages.getMessage("sync.lessonLink.button", null, SyncTexts.RUSSIAN);
        return new ChatMessage(text, new ChatMessage.LinkButton(caption, link));
    }
}
