package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/** Carries out the operations on a lesson's call: starting it, and finishing it. */
@Component
class CallHandler {

    private final MessengerProvider messenger;
    private final Ledger ledger;
    private final PersonTokens tokens;
    private final OperationProblems problems;

    CallHandler(MessengerProvider messenger, Ledger ledger, PersonTokens tokens, OperationProblems problems) {
        this.messenger = messenger;
        this.ledger = ledger;
        this.tokens = tokens;
        this.problems = problems;
    }

    /**
     * The call is marked STARTING, and that committed, before the messenger is asked; it is started with the
     * journal's first teacher who has a token the messenger accepts.
     */
    Completion start(Action.StartCall action, CommunityAccess community) {
        var key = action.call();
        // one statement, committed before the messenger is asked; a call that is live already is not started again
        if (!ledger.beginStarting(key, action.journal())) {
            return Completion.done();
        }
        var teachers = ledger.teachersOf(action.journal());
        if (teachers.isEmpty()) {
            var problem = problems.text("sync.problem.noTeacher");
            return problems.failed(problem, null, new LedgerChange.CallFailed(key, Problem.Kind.ITEM, problem, null));
        }
        Ledger.Teacher missing = null;
        String missingReason = null;
        var unavailable = false;
        for (var teacher : teachers) {
            var token = tokens.of(teacher.employee());
            if (token instanceof PersonTokens.PersonToken.Granted granted) {
                var started = messenger.startCall(granted.access(), community.communityId());
                var refused = refusal(started);
                if (refused == null) {
                    return started(action, teacher, granted.access(), started);
                }
                // VK refused the teacher's token: refreshed, try again; else the teacher must re-link, try another
                token = tokens.rejected(teacher.employee(), granted.access());
                if (token instanceof PersonTokens.PersonToken.Granted) {
                    return problems.retry(problems.explain(refused));
                }
            }
            if (token instanceof PersonTokens.PersonToken.Unavailable) {
                unavailable = true;
            } else if (token instanceof PersonTokens.PersonToken.Missing absent && missing == null) {
                missing = teacher;
                missingReason = absent.reason().key(MemberRole.TEACHER);
            }
        }
        if (unavailable || missing == null || missingReason == null) {
            return problems.tokenUnavailable();
        }
        var problem = problems.text(missingReason, missing.fullName());
        var link = OperationProblems.staffFile(missing.employee());
        return problems.failed(problem, link, new LedgerChange.CallFailed(key, Problem.Kind.ITEM, problem, link));
    }

    /** The messenger refused the teacher's own token; null for any other answer. */
    private static @Nullable Problem refusal(Outcome<MessengerProvider.StartedCall> started) {
        return started.fold(call -> null, problem -> problem.kind() == Problem.Kind.USER_CREDENTIALS ? problem : null);
    }

    private Completion started(
            Action.StartCall action,
            Ledger.Teacher teacher,
            UserAccess user,
            Outcome<MessengerProvider.StartedCall> started) {
        var key = action.call();
        var link = OperationProblems.staffFile(teacher.employee());
        return started.fold(
                call -> Completion.done(new LedgerChange.CallStarted(
                        key, action.journal(), call.callId(), call.joinLink(), teacher.employee(), user.userId())),
                problem -> problems.of(
                        problem,
                        new LedgerChange.CallFailed(
                                key, OperationProblems.category(problem), problems.explain(problem), link),
                        link));
    }

    /** Finished with the token of the teacher who started it: VK lets only them finish it. */
    Completion finish(Action.FinishCall action) {
        var key = action.call();
        var call = ledger.call(key).orElse(null);
        if (call == null || call.state() != CallState.ACTIVE || call.callId() == null || call.startedBy() == null) {
            return Completion.done();
        }
        var starter = call.startedBy();
        var callId = call.callId();
        return tokens.of(starter)
                .fold(
                        user -> finish(key, callId, starter, user),
                        reason -> problems.failed(
                                problems.text("sync.problem.callNotFinished"),
                                OperationProblems.staffFile(starter),
                                new LedgerChange.CallFinished(key)),
                        problems::tokenUnavailable);
    }

    private Completion finish(CallKey key, String callId, UUID starter, UserAccess user) {
        return messenger
                .finishCall(user, callId)
                .fold(
                        finished -> Completion.done(new LedgerChange.CallFinished(key)),
                        // nobody else may finish the call: once the teacher must re-link, it is left to VK to end it
                        problem -> problem.kind() == Problem.Kind.USER_CREDENTIALS
                                ? problems.refused(
                                        problem, starter, MemberRole.TEACHER, user, new LedgerChange.CallFinished(key))
                                : problems.of(problem, null, null));
    }
}
