package ru.paragraf.sferum.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;

/** Carries out the operations on a subject chat itself: creating it, and getting its invite link. */
@Component
class ChatHandler {

    private final MessengerProvider messenger;
    private final Ledger ledger;
    private final OperationProblems problems;
    private final TransactionTemplate transactions;

    ChatHandler(
            MessengerProvider messenger, Ledger ledger, OperationProblems problems, TransactionTemplate transactions) {
        this.messenger = messenger;
        this.ledger = ledger;
        this.problems = problems;
        this.transactions = transactions;
    }

    /**
     * Crash-safe creation (DESIGN §5.5): the chat is marked CREATING, and that committed, before the messenger is
     * asked; if it was CREATING already, an earlier attempt may have created it, so it is looked up by its title and
     * adopted. The journal's teachers with a VK ID are in it from the start.
     */
    Completion create(Action.CreateChat action, CommunityAccess community) {
        var key = action.chat();
        var before = transactions.execute(status -> ledger.beginCreating(key, community.communityId(), action.title()));
        var state = before == null ? null : before.map(Ledger.Chat::state).orElse(null);
        if (state == ChatState.ACTIVE) {
            return Completion.done();
        }
        if (state == ChatState.CREATING) {
            var adopted = adopt(action, community);
            if (adopted.isPresent()) {
                return adopted.get();
            }
        }
        var members = ledger.teachersOf(key.journal()).stream()
                .map(Ledger.Teacher::vkUserId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return messenger
                .createChat(community, action.title(), members)
                .fold(
                        created -> {
                            var added = new ArrayList<Long>(members);
                            added.retainAll(created.memberIds());
                            return Completion.done(new LedgerChange.ChatCreated(key, created.chatId(), added));
                        },
                        problem -> problems.of(
                                problem,
                                new LedgerChange.ChatFailed(
                                        key, OperationProblems.category(problem), problems.explain(problem)),
                                null));
    }

    /** The chat an earlier, unanswered attempt created, if the messenger has one; or why it could not be looked up. */
    private Optional<Completion> adopt(Action.CreateChat action, CommunityAccess community) {
        return messenger
                .findChat(community, action.title(), ledger.knownChatIds(community.communityId()))
                .fold(
                        found -> found.map(chatId ->
                                Completion.done(new LedgerChange.ChatCreated(action.chat(), chatId, List.of()))),
                        problem -> Optional.of(problems.of(problem, null, null)));
    }

    Completion inviteLink(Action.InviteLink action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null || chat.chatId() == null) {
            return Completion.done();
        }
        return messenger
                .inviteLink(community, chat.chatId())
                .fold(
                        link -> Completion.done(new LedgerChange.InviteLinkReceived(key, link)),
                        problem -> problems.onChat(problem, key, chat));
    }
}
