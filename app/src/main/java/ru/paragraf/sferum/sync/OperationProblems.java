package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * What a problem means for an operation, the same for every handler: a passing or ambiguous one is tried again, a
 * failure of the community's credentials pauses the organization, anything else fails the operation with a Russian
 * reason and where to fix it. A chat the messenger no longer has is recorded as lost at this first error.
 */
@Component
class OperationProblems {

    private final PersonTokens tokens;
    private final Ledger ledger;
    private final MessageSource messages;

    OperationProblems(PersonTokens tokens, Ledger ledger, MessageSource messages) {
        this.tokens = tokens;
        this.ledger = ledger;
        this.messages = messages;
    }

    /** The completion for a problem of the messenger; {@code onFailure} is written if the operation fails. */
    Completion of(Problem problem, @Nullable LedgerChange onFailure, @Nullable String link) {
        if (problem.ambiguous() || problem.kind() == Problem.Kind.RETRY) {
            return retry(explain(problem));
        }
        if (problem.kind() == Problem.Kind.CREDENTIALS) {
            return new Completion.Pause(explain(problem));
        }
        return new Completion.Failed(category(problem), explain(problem), link, onFailure);
    }

    /**
     * A problem of an operation on an existing chat: a chat the messenger no longer has is recorded as lost at this
     * first error (its journal is planned again, so the next video lesson gets a new chat), others as usual.
     */
    Completion onChat(Problem problem, ChatKey key, Ledger.Chat chat) {
        var chatId = chat.chatId();
        if (problem.kind() != Problem.Kind.GONE || chatId == null) {
            return of(problem, null, null);
        }
        var lost = text("sync.problem.chatLost", chat.title());
        return new Completion.Failed(
                Problem.Kind.ITEM, lost, "/journals/" + key.journal(), new LedgerChange.ChatLost(key, chatId, lost));
    }

    /**
     * The messenger refused a person's own token: refreshed once if VK ID still accepts the link (then the operation
     * is tried again), otherwise the link is marked «нужно привязать заново», once, and the operation fails with
     * what the person has to do, without asking the messenger again.
     */
    Completion refused(
            Problem problem, UUID person, MemberRole role, UserAccess user, @Nullable LedgerChange onFailure) {
        return tokens.rejected(person, user)
                .fold(
                        again -> retry(explain(problem)),
                        reason -> personMissing(reason, person, role, onFailure),
                        () -> retry(explain(problem)));
    }

    /**
     * The person has no token the messenger accepts: they have to link VK ID, or link it again — a teacher's staff
     * file says so; a pupil or a parent does it in their diary.
     */
    Completion personMissing(
            PersonTokens.Reason reason, UUID person, MemberRole role, @Nullable LedgerChange onFailure) {
        var link = role == MemberRole.TEACHER ? staffFile(person) : null;
        return failed(text(reason.key(role), ledger.personName(person)), link, onFailure);
    }

    /** VK ID did not answer for a person's token. */
    Completion tokenUnavailable() {
        return retry(text("sync.problem.vkIdUnavailable"));
    }

    Completion retry(String reason) {
        return new Completion.Retry(Problem.Kind.RETRY, reason);
    }

    /** Failed as an item: the school can fix it; {@code change}, if any, is written with it. */
    Completion failed(String reason, @Nullable String link, @Nullable LedgerChange change) {
        return new Completion.Failed(Problem.Kind.ITEM, reason, link, change);
    }

    /** The category recorded with a failure: what is left of a gone object or a refused person is an item matter. */
    static Problem.Kind category(Problem problem) {
        return switch (problem.kind()) {
            case GONE, USER_CREDENTIALS -> Problem.Kind.ITEM;
            default -> problem.kind();
        };
    }

    String explain(Problem problem) {
        return messages.getMessage(problem.explanation(), SyncTexts.RUSSIAN);
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(
                new DefaultMessageSourceResolvable(new String[] {key}, arguments), SyncTexts.RUSSIAN);
    }

    static String staffFile(UUID employee) {
        return "/staff/" + employee;
    }
}
