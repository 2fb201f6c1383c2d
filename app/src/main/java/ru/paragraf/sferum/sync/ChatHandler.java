package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/**
 * Carries out the operations on a subject chat itself: creating it, getting its invite link and renewing it, and
 * archiving it when its academic year is closed.
 */
@Component
class ChatHandler {

    private final Messengers messengers;
    private final Ledger ledger;
    private final OperationProblems problems;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChatHandler(
            Messengers messengers,
            Ledger ledger,
            OperationProblems problems,
            TransactionTemplate transactions,
            Clock clock) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.problems = problems;
        this.transactions = transactions;
        this.clock = clock;
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
        if (state == ChatState.ACTIVE || state == ChatState.ARCHIVED) {
            return Completion.done();
        }
        if (state == ChatState.CREATING) {
            var adopted = adopt(action, community);
            if (adopted.isPresent()) {
                return adopted.get();
            }
        }
        var teachers = new LinkedHashMap<Long, UUID>();
        for (var teacher : ledger.teachersOf(key.journal())) {
            if (teacher.vkUserId() != null) {
                teachers.putIfAbsent(teacher.vkUserId(), teacher.employee());
            }
        }
        return messengers
                .providerOf(key.organization())
                .createChat(community, action.title(), List.copyOf(teachers.keySet()))
                .fold(
                        created -> {
                            var added = new ArrayList<LedgerChange.Member>();
                            teachers.forEach((vkUser, employee) -> {
                                if (created.memberIds().contains(vkUser)) {
                                    added.add(new LedgerChange.Member(vkUser, employee, MemberRole.TEACHER));
                                }
                            });
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
        return messengers
                .providerOf(action.chat().organization())
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
        var asked = OffsetDateTime.now(clock);
        return messengers
                .providerOf(key.organization())
                .inviteLink(community, chat.chatId())
                .fold(
                        link -> Completion.done(new LedgerChange.InviteLinkReceived(key, link, asked, false)),
                        problem -> problems.onChat(problem, key, chat));
    }

    /**
     * A new link replaces the old one, which stops working. The link is stored with the time it was asked for: a
     * removal recorded after that may have missed it, and makes the chat's link due again.
     */
    Completion renewInviteLink(Action.RenewInviteLink action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null
                || chat.chatId() == null
                || (chat.state() != ChatState.ACTIVE && chat.state() != ChatState.ARCHIVED)) {
            return Completion.done();
        }
        var asked = OffsetDateTime.now(clock);
        return messengers
                .providerOf(key.organization())
                .renewInviteLink(community, chat.chatId())
                .fold(
                        link -> Completion.done(new LedgerChange.InviteLinkReceived(key, link, asked, true)),
                        problem -> problems.onChat(problem, key, chat));
    }

    /**
     * Renames the chat with its year and posts and pins the closing message; the ledger marks it ARCHIVED after both.
     * A repeat after a crash renames it to the same title and pins the same message (its {@code random_id} comes
     * from the chat), so nothing is done twice.
     */
    Completion archive(Action.ArchiveChat action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null || chat.chatId() == null || chat.state() != ChatState.ACTIVE) {
            return Completion.done();
        }
        long chatId = chat.chatId();
        var text = problems.text("yearClose.closingMessage", action.yearTitle(), action.title());
        var dedupe = Announcements.dedupeKey("archive:" + key.journal() + ":" + key.year() + ":" + chatId);
        var messenger = messengers.providerOf(key.organization());
        return messenger
                .rename(community, chatId, action.title())
                .fold(
                        renamed -> messenger
                                .pin(community, chatId, dedupe, text)
                                .fold(
                                        pinned -> Completion.done(new LedgerChange.ChatArchived(key, action.title())),
                                        problem -> problems.onChat(problem, key, chat)),
                        problem -> problems.onChat(problem, key, chat));
    }
}
