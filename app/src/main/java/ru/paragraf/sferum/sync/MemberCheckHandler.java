package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/**
 * Carries out the member check of a chat (reads who is in it) and the removal of the strangers it found, both with
 * the community's token.
 */
@Component
class MemberCheckHandler {

    private final Messengers messengers;
    private final Ledger ledger;
    private final OperationProblems problems;
    private final Clock clock;

    MemberCheckHandler(Messengers messengers, Ledger ledger, OperationProblems problems, Clock clock) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.problems = problems;
        this.clock = clock;
    }

    /** Reads the chat's members; what they say is compared with who belongs when the outcome is recorded. */
    Completion check(Action.CheckMembers action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null || chat.chatId() == null || chat.state() != ChatState.ACTIVE) {
            return Completion.done();
        }
        var asked = OffsetDateTime.now(clock);
        return messengers
                .providerOf(key.organization())
                .chatMembers(community, chat.chatId())
                .fold(
                        listed -> Completion.done(
                                new LedgerChange.MembersChecked(key, community.communityId(), listed, asked)),
                        problem -> problems.onChat(problem, key, chat));
    }

    /** The community takes the stranger out; the chat's invite link is renewed after. */
    Completion remove(Action.RemoveStranger action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null || chat.chatId() == null) {
            return Completion.done();
        }
        return messengers
                .providerOf(key.organization())
                .removeMember(community, chat.chatId(), action.vkUser())
                .fold(
                        removed -> Completion.done(
                                new LedgerChange.StrangerRemoved(key, action.vkUser(), OffsetDateTime.now(clock))),
                        problem -> problems.onChat(problem, key, chat));
    }
}
