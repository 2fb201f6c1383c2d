package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/** Carries out the operations on a lesson's call: starting it, replacing it before the lesson, and finishing it. */
@Component
class CallHandler {

    private final Messengers messengers;
    private final Ledger ledger;
    private final PersonTokens tokens;
    private final OperationProblems problems;
    private final SyncProperties.Calls calls;

    CallHandler(
            Messengers messengers,
            Ledger ledger,
            PersonTokens tokens,
            OperationProblems problems,
            SyncProperties properties) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.tokens = tokens;
        this.problems = problems;
        this.calls = properties.calls();
    }

    /**
     * The call is marked STARTING, and that committed, before the messenger is asked; it is started with the
     * lesson's substitute, or else the journal's first teacher, who has a token the messenger accepts.
     */
    Completion start(Action.StartCall action, CommunityAccess community) {
        var key = action.call();
        // one statement, committed before the messenger is asked; a call that is live already is not started again
        var start = ledger.beginStarting(key, action.journal());
        if (start == Ledger.CallStart.NONE) {
            return Completion.done();
        }
        var teachers = ledger.teachersOfLesson(action.journal(), key.lesson());
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
                var started =
                        messengers.providerOf(key.organization()).startCall(granted.access(), community.communityId());
                var refused = refusal(started);
                if (refused == null) {
                    return started(action, teacher, granted.access(), started, start);
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
            Outcome<MessengerProvider.StartedCall> started,
            Ledger.CallStart start) {
        var key = action.call();
        var link = OperationProblems.staffFile(teacher.employee());
        return started.fold(
                call -> Completion.done(new LedgerChange.CallStarted(
                        key,
                        action.journal(),
                        call.callId(),
                        call.joinLink(),
                        teacher.employee(),
                        user.userId(),
                        start == Ledger.CallStart.AFTER_FAILURE)),
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
        if (call == null || call.state() != CallState.ACTIVE) {
            return Completion.done();
        }
        return finish(messengers.providerOf(key.organization()), call, new LedgerChange.CallFinished(key));
    }

    /**
     * The call of the generation planned for is finished, as {@link #finish(Action.FinishCall)} does, and a new one
     * follows. Nothing is done unless the planner's reason still holds (checked again here): a repeat, a renewal
     * planned twice or late finds the generation replaced already, or the lesson begun (whoever is in the call
     * stays).
     */
    Completion renew(Action.RenewCall action) {
        var key = action.call();
        var call = ledger.call(key).orElse(null);
        if (call == null || !ledger.renewalDue(key, action.generation(), calls.beforeLesson())) {
            return Completion.done();
        }
        return finish(
                messengers.providerOf(key.organization()), call, new LedgerChange.CallReplaced(key, action.journal()));
    }

    /**
     * Finishes a live call; {@code finished} is recorded once VK finished it, or once nobody can: the teacher who
     * started it must re-link the VK ID, and VK ends the call in its own time, its link never shown again.
     */
    private Completion finish(MessengerProvider messenger, Ledger.Call call, LedgerChange finished) {
        var starter = call.startedBy();
        var callId = call.callId();
        if (callId == null || starter == null) {
            return Completion.done();
        }
        return tokens.of(starter)
                .fold(
                        user -> finish(messenger, callId, starter, user, finished),
                        reason -> problems.failed(
                                problems.text("sync.problem.callNotFinished"),
                                OperationProblems.staffFile(starter),
                                finished),
                        problems::tokenUnavailable);
    }

    private Completion finish(
            MessengerProvider messenger, String callId, UUID starter, UserAccess user, LedgerChange finished) {
        return messenger
                .finishCall(user, callId)
                .fold(
                        done -> Completion.done(finished),
                        // nobody else may finish the call: once the teacher must re-link, it is left to VK to end it
                        problem -> problem.kind() == Problem.Kind.USER_CREDENTIALS
                                ? problems.refused(problem, starter, MemberRole.TEACHER, user, finished)
                                : problems.of(problem, null, null));
    }
}
