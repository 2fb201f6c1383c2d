package ru.paragraf.sferum.sync;

import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * Carries out the operations on who is in a subject chat: the people who belong join it with their own token by the
 * chat's invite link, or the community puts them in where the messenger has no invite links; and the community takes
 * out those who no longer belong.
 */
@Component
class MemberHandler {

    private final Messengers messengers;
    private final Ledger ledger;
    private final PersonTokens tokens;
    private final OperationProblems problems;

    MemberHandler(Messengers messengers, Ledger ledger, PersonTokens tokens, OperationProblems problems) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.tokens = tokens;
        this.problems = problems;
    }

    /**
     * The person joins by the chat's current invite link, with their own token, where the messenger lets only a user
     * in; where it has no invite links, the community puts the person in.
     */
    Completion add(Action.AddMember action, CommunityAccess community) {
        var messenger = messengers.providerOf(action.chat().organization());
        var chat = ledger.chat(action.chat()).orElse(null);
        if (chat == null || chat.chatId() == null) {
            return Completion.done();
        }
        if (!messenger.capabilities().inviteLinks()) {
            return withMemberFailed(action, put(messenger, action, community, chat.chatId()));
        }
        if (chat.inviteLink() == null) {
            return Completion.done();
        }
        var completion = tokens.of(action.person())
                .fold(
                        user -> join(messenger, action, community, chat.chatId(), chat.inviteLink(), user),
                        reason -> problems.personMissing(reason, action.person(), action.role(), null),
                        problems::tokenUnavailable);
        return withMemberFailed(action, completion);
    }

    /** A failure to join is recorded on the member too, so that the person sees it in the diary. */
    private static Completion withMemberFailed(Action.AddMember action, Completion completion) {
        if (completion instanceof Completion.Failed failed && failed.change() == null) {
            var member = new LedgerChange.Member(action.vkUser(), action.person(), action.role());
            return new Completion.Failed(
                    failed.category(),
                    failed.reason(),
                    failed.link(),
                    new LedgerChange.MemberFailed(action.chat(), member, failed.reason()));
        }
        return completion;
    }

    /** The community puts the person in; a refusal of this person (their privacy settings) is theirs alone. */
    private Completion put(
            MessengerProvider messenger, Action.AddMember action, CommunityAccess community, long chatId) {
        var link = action.role() == MemberRole.TEACHER ? OperationProblems.staffFile(action.person()) : null;
        return messenger
                .addMember(community, chatId, action.vkUser())
                .fold(
                        added -> Completion.done(new LedgerChange.MemberAdded(
                                action.chat(), action.vkUser(), action.person(), action.role())),
                        problem -> problems.of(problem, null, link));
    }

    private Completion join(
            MessengerProvider messenger,
            Action.AddMember action,
            CommunityAccess community,
            long chatId,
            String inviteLink,
            UserAccess user) {
        var link = action.role() == MemberRole.TEACHER ? OperationProblems.staffFile(action.person()) : null;
        return messenger
                .addMember(community, chatId, inviteLink, user)
                .fold(
                        joined -> Completion.done(new LedgerChange.MemberAdded(
                                action.chat(), action.vkUser(), action.person(), action.role())),
                        problem -> {
                            if (problem.kind() == Problem.Kind.USER_CREDENTIALS) {
                                return problems.refused(problem, action.person(), action.role(), user, null);
                            }
                            if (ledger.linkRenewedSince(action.chat(), inviteLink)) {
                                // the link was renewed while this join was on its way (a removal's renewal): join
                                // again, by the new link, rather than fail a person who belongs
                                return problems.retry(problems.explain(problem));
                            }
                            return problems.of(problem, null, link);
                        });
    }

    /** The community takes the member out; the chat's invite link is renewed after the batch of removals. */
    Completion remove(Action.RemoveMember action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null || chat.chatId() == null) {
            return Completion.done();
        }
        return messengers
                .providerOf(key.organization())
                .removeMember(community, chat.chatId(), action.vkUser())
                .fold(
                        removed -> Completion.done(new LedgerChange.MemberRemoved(key, action.vkUser())),
                        problem -> problems.onChat(problem, key, chat));
    }
}
