package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;

/**
 * Carries out what adopting a chat asks of the messenger: takes over a bound chat ({@link Action.AdoptChat}) and
 * answers in chats ({@link Action.Reply}).
 */
@Component
class AdoptionHandler {

    private static final String UNBIND = sql(
            """
            delete from sync.chat
            where organization_id = :organization and journal_id = :journal and academic_year_id = :year
              and chat_id = :chatId and state = {ChatState.ACTIVE}
            """);

    private final Messengers messengers;
    private final Ledger ledger;
    private final ChatAdoptionCodes codes;
    private final AdoptionQueue queue;
    private final OperationProblems problems;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    AdoptionHandler(
            Messengers messengers,
            Ledger ledger,
            ChatAdoptionCodes codes,
            AdoptionQueue queue,
            OperationProblems problems,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Clock clock) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.codes = codes;
        this.queue = queue;
        this.problems = problems;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The chat is the bot's to manage (MAX: the bot is its administrator): renamed to the journal's title and told
     * so, once (the post's dedupe key comes from the binding). Otherwise the binding is undone, the code made usable
     * again, and the chat asked to make the bot an administrator. A chat bound to something else since is left alone.
     */
    Completion adopt(Action.AdoptChat action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null
                || chat.state() != ChatState.ACTIVE
                || !Long.valueOf(action.chatId()).equals(chat.chatId())) {
            return Completion.done();
        }
        long chatId = action.chatId();
        var messenger = messengers.providerOf(key.organization());
        return messenger
                .presentChats(community, List.of(chatId))
                .fold(
                        present -> present.contains(chatId)
                                ? takeOver(messenger, community, chatId, chat.title(), key)
                                : unbind(action, community),
                        problem -> problems.of(problem, null, null));
    }

    private Completion takeOver(
            MessengerProvider messenger, CommunityAccess community, long chatId, String title, ChatKey key) {
        var dedupe = Announcements.dedupeKey("adopt:" + key.journal() + ":" + key.year() + ":" + chatId);
        return messenger
                .rename(community, chatId, title)
                .fold(
                        renamed -> messenger
                                .post(community, chatId, dedupe, problems.text("max.adoption.reply.bound", title))
                                .fold(
                                        posted -> messenger
                                                .chatLink(community, chatId)
                                                .fold(
                                                        link -> Completion.done(new LedgerChange.ChatAdopted(
                                                                key, chatId, link.orElse(null))),
                                                        problem -> problems.of(problem, null, null)),
                                        problem -> problems.of(problem, null, null)),
                        problem -> problems.of(problem, null, null));
    }

    private Completion unbind(Action.AdoptChat action, CommunityAccess community) {
        var key = action.chat();
        var now = OffsetDateTime.now(clock);
        // the answer is queued with the unbinding: a lost answer of MAX is retried, and the binding is gone then
        transactions.executeWithoutResult(status -> {
            jdbc.sql(UNBIND)
                    .param("organization", key.organization())
                    .param("journal", key.journal())
                    .param("year", key.year())
                    .param("chatId", action.chatId())
                    .update();
            codes.release(key.organization(), key.journal(), key.year(), action.chatId(), now);
            queue.reply(
                    key.organization(),
                    community.communityId(),
                    action.chatId(),
                    "not-admin:" + action.chatId() + ":" + now.toInstant().toEpochMilli(),
                    problems.text("max.adoption.reply.notAdmin"));
        });
        return Completion.done();
    }

    Completion reply(Action.Reply action, UUID organization, CommunityAccess community) {
        var dedupe = Announcements.dedupeKey("reply:" + action.chatId() + ":" + action.what());
        return messengers
                .providerOf(organization)
                .post(community, action.chatId(), dedupe, action.text())
                .fold(posted -> Completion.done(), problem -> problems.of(problem, null, null));
    }
}
