package ru.paragraf.sferum.sync;

import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/** Carries out the operations on who is in a subject chat: teachers join it, and leave it when they go. */
@Component
class MemberHandler {

    private final MessengerProvider messenger;
    private final Ledger ledger;
    private final TeacherTokens tokens;
    private final OperationProblems problems;

    MemberHandler(MessengerProvider messenger, Ledger ledger, TeacherTokens tokens, OperationProblems problems) {
        this.messenger = messenger;
        this.ledger = ledger;
        this.tokens = tokens;
        this.problems = problems;
    }

    /** The teacher joins by the chat's invite link, with the teacher's own token, as VK allows only a user. */
    Completion add(Action.AddMember action, CommunityAccess community) {
        var chat = ledger.chat(action.chat()).orElse(null);
        if (chat == null || chat.chatId() == null || chat.inviteLink() == null) {
            return Completion.done();
        }
        return tokens.of(action.employee())
                .fold(
                        user -> join(action, community, chat.chatId(), chat.inviteLink(), user),
                        reasonKey -> problems.teacherMissing(reasonKey, action.employee(), null),
                        problems::teacherUnavailable);
    }

    private Completion join(
            Action.AddMember action, CommunityAccess community, long chatId, String inviteLink, UserAccess user) {
        return messenger
                .addMember(community, chatId, inviteLink, user)
                .fold(
                        joined -> Completion.done(new LedgerChange.MemberAdded(action.chat(), action.vkUser())),
                        problem -> problem.kind() == Problem.Kind.USER_CREDENTIALS
                                ? problems.refused(problem, action.employee(), user, null)
                                : problems.of(problem, null, OperationProblems.staffFile(action.employee())));
    }

    Completion remove(Action.RemoveMember action, CommunityAccess community) {
        var key = action.chat();
        var chat = ledger.chat(key).orElse(null);
        if (chat == null || chat.chatId() == null) {
            return Completion.done();
        }
        return messenger
                .removeMember(community, chat.chatId(), action.vkUser())
                .fold(
                        removed -> Completion.done(new LedgerChange.MemberRemoved(key, action.vkUser())),
                        problem -> problems.onChat(problem, key, chat));
    }
}
