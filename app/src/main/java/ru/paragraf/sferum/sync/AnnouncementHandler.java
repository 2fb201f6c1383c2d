package ru.paragraf.sferum.sync;

import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/** Carries out the messages the engine posts in a subject chat: the announcement of a lesson's call. */
@Component
class AnnouncementHandler {

    private final Messengers messengers;
    private final Ledger ledger;
    private final Announcements announcements;
    private final OperationProblems problems;

    AnnouncementHandler(Messengers messengers, Ledger ledger, Announcements announcements, OperationProblems problems) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.announcements = announcements;
        this.problems = problems;
    }

    /** The chat gets the lesson, its time and the call link; the same call is never announced twice. */
    Completion announce(Action.AnnounceCall action, CommunityAccess community) {
        var chat = ledger.chat(action.chat()).orElse(null);
        var call = ledger.call(action.call()).orElse(null);
        if (chat == null || chat.chatId() == null || call == null || call.joinLink() == null || call.announced()) {
            return Completion.done();
        }
        var announcement = announcements.announcement(
                action.call().lesson(), call.joinLink(), call.replacesALinkToldIn(chat.chatId()));
        var chatId = chat.chatId();
        var dedupe = Announcements.dedupeKey(action.call(), call, chatId);
        return messengers
                .providerOf(action.chat().organization())
                .post(community, chatId, dedupe, announcement.text())
                .fold(
                        posted -> Completion.done(new LedgerChange.CallAnnounced(
                                action.call(), chatId, announcement.start(), announcement.end())),
                        problem -> problems.onChat(problem, action.chat(), chat));
    }
}
