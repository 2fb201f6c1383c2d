package ru.paragraf.sferum.sync;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * Carries out one operation against the messenger. Never inside a business transaction: what must be known
 * before the call (a chat or call being created) is committed first, then the messenger is called, then the
 * {@link Completion} says what to record.
 */
@Component
class OperationExecutor {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessengerProvider messenger;
    private final CommunityCredentials credentials;
    private final SyncOrganizations organizations;
    private final TeacherTokens tokens;
    private final Ledger ledger;
    private final Announcements announcements;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    OperationExecutor(
            MessengerProvider messenger,
            CommunityCredentials credentials,
            SyncOrganizations organizations,
            TeacherTokens tokens,
            Ledger ledger,
            Announcements announcements,
            MessageSource messages,
            TransactionTemplate transactions) {
        this.messenger = messenger;
        this.credentials = credentials;
        this.organizations = organizations;
        this.tokens = tokens;
        this.ledger = ledger;
        this.announcements = announcements;
        this.messages = messages;
        this.transactions = transactions;
    }

    Completion execute(Operation operation) {
        // the organization was paused while this operation waited its turn: its siblings found the token revoked
        var paused = organizations
                .find(operation.organizationId())
                .map(SyncOrganizations.State::pausedReason)
                .orElse(null);
        if (paused != null) {
            return new Completion(Completion.Status.PAUSE, Completion.NOTHING, "CREDENTIALS", paused, null, null);
        }
        var community = credentials.accessOf(operation.organizationId());
        if (community.isEmpty()) {
            return failed("ITEM", text("sync.problem.noCredentials"), null);
        }
        switch (operation.kind()) {
            case CREATE_CHAT:
                return createChat(operation, community.get());
            case INVITE_LINK:
                return inviteLink(operation, community.get());
            case ADD_MEMBER:
                return addMember(operation, community.get());
            case REMOVE_MEMBER:
                return removeMember(operation, community.get());
            case START_CALL:
                return startCall(operation, community.get());
            case FINISH_CALL:
                return finishCall(operation);
            default:
                return announce(operation, community.get());
        }
    }

    /**
     * Crash-safe creation (DESIGN §5.5): the chat is marked CREATING before the messenger is asked; if it was
     * CREATING already, an earlier attempt may have created it, so it is looked up by its title and adopted.
     */
    private Completion createChat(Operation operation, CommunityAccess community) {
        var organization = operation.organizationId();
        var journal = operation.uuid("journal");
        var year = operation.uuid("year");
        var title = operation.text("title");
        var before =
                inTransaction(() -> ledger.beginCreating(organization, journal, year, community.communityId(), title));
        if (before.isPresent() && "ACTIVE".equals(before.get().state())) {
            return Completion.done();
        }
        if (before.isPresent() && "CREATING".equals(before.get().state())) {
            var found = messenger.findChat(community, title, ledger.knownChatIds(community.communityId()));
            if (found instanceof Outcome.Failed<?> failed) {
                return fromProblem(failed.problem(), Completion.NOTHING, null);
            }
            var chat = ((Outcome.Done<java.util.Optional<Long>>) found).value();
            if (chat.isPresent()) {
                return Completion.done(
                        () -> ledger.chatCreated(organization, journal, year, chat.get(), Set.of()), journal);
            }
        }
        var members = ledger.teachersOf(journal).stream()
                .map(Ledger.Teacher::vkUserId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        var created = messenger.createChat(community, title, members);
        if (created instanceof Outcome.Done<MessengerProvider.CreatedChat> done) {
            var added = new ArrayList<Long>(members);
            added.retainAll(done.value().memberIds());
            return Completion.done(
                    () -> ledger.chatCreated(
                            organization, journal, year, done.value().chatId(), added),
                    journal);
        }
        var problem = ((Outcome.Failed<?>) created).problem();
        return fromProblem(
                problem,
                () -> ledger.chatFailed(organization, journal, year, category(problem), explain(problem)),
                null);
    }

    private Completion inviteLink(Operation operation, CommunityAccess community) {
        var organization = operation.organizationId();
        var journal = operation.uuid("journal");
        var year = operation.uuid("year");
        var chat = ledger.chat(organization, journal, year, false).orElse(null);
        if (chat == null || chat.chatId() == null) {
            return Completion.done();
        }
        var link = messenger.inviteLink(community, chat.chatId());
        if (link instanceof Outcome.Done<String> done) {
            return Completion.done(() -> ledger.inviteLink(organization, journal, year, done.value()), journal);
        }
        return chatProblem(((Outcome.Failed<?>) link).problem(), organization, journal, year, chat);
    }

    private Completion addMember(Operation operation, CommunityAccess community) {
        var organization = operation.organizationId();
        var journal = operation.uuid("journal");
        var year = operation.uuid("year");
        var employee = operation.uuid("employee");
        var vkUser = operation.number("vkUser");
        var chat = ledger.chat(organization, journal, year, false).orElse(null);
        if (chat == null || chat.chatId() == null || chat.inviteLink() == null) {
            return Completion.done();
        }
        var token = tokens.of(employee);
        if (token instanceof TeacherTokens.TeacherToken.Unavailable) {
            return retry(text("sync.problem.vkIdUnavailable"));
        }
        if (token instanceof TeacherTokens.TeacherToken.Missing missing) {
            return failed("ITEM", text(missing.reasonKey()), staffFile(employee));
        }
        var user = ((TeacherTokens.TeacherToken.Granted) token).access();
        var added = messenger.addMember(community, chat.chatId(), chat.inviteLink(), user);
        if (added instanceof Outcome.Done<Boolean>) {
            return Completion.done(() -> ledger.memberState(organization, journal, year, vkUser, "ACTIVE"), null);
        }
        var problem = ((Outcome.Failed<?>) added).problem();
        if (problem.kind() == Problem.Kind.USER_CREDENTIALS) {
            return refused(problem, employee, user, Completion.NOTHING);
        }
        return fromProblem(problem, Completion.NOTHING, staffFile(employee));
    }

    private Completion removeMember(Operation operation, CommunityAccess community) {
        var organization = operation.organizationId();
        var journal = operation.uuid("journal");
        var year = operation.uuid("year");
        var vkUser = operation.number("vkUser");
        var chat = ledger.chat(organization, journal, year, false).orElse(null);
        if (chat == null || chat.chatId() == null) {
            return Completion.done();
        }
        var removed = messenger.removeMember(community, chat.chatId(), vkUser);
        if (removed instanceof Outcome.Done<Boolean>) {
            return Completion.done(() -> ledger.memberState(organization, journal, year, vkUser, "REMOVED"), null);
        }
        return chatProblem(((Outcome.Failed<?>) removed).problem(), organization, journal, year, chat);
    }

    /** The call is started with the journal's first teacher who has a usable VK token. */
    private Completion startCall(Operation operation, CommunityAccess community) {
        var organization = operation.organizationId();
        var lesson = operation.uuid("lesson");
        var journal = operation.uuid("journal");
        var current = ledger.call(organization, lesson, false);
        if (current.isPresent() && "ACTIVE".equals(current.get().state())) {
            return Completion.done();
        }
        inTransaction(() -> {
            ledger.beginStarting(organization, lesson, journal);
            return null;
        });
        var teachers = ledger.teachersOf(journal);
        if (teachers.isEmpty()) {
            var problem = text("sync.problem.noTeacher");
            return failed("ITEM", problem, null, () -> ledger.callFailed(organization, lesson, "ITEM", problem, null));
        }
        String missingReason = null;
        Ledger.Teacher missingTeacher = null;
        var unavailable = false;
        for (var teacher : teachers) {
            var token = tokens.of(teacher.employee());
            if (token instanceof TeacherTokens.TeacherToken.Granted granted) {
                var started = messenger.startCall(granted.access(), community.communityId());
                if (!(started instanceof Outcome.Failed<MessengerProvider.StartedCall> failed)
                        || failed.problem().kind() != Problem.Kind.USER_CREDENTIALS) {
                    return startedCall(organization, lesson, journal, teacher, granted.access(), started);
                }
                // VK refused the teacher's token: refreshed, try again; else the teacher must re-link, try another
                token = tokens.rejected(teacher.employee(), granted.access());
                if (token instanceof TeacherTokens.TeacherToken.Granted) {
                    return retry(explain(failed.problem()));
                }
            }
            if (token instanceof TeacherTokens.TeacherToken.Unavailable) {
                unavailable = true;
            } else if (missingTeacher == null) {
                missingTeacher = teacher;
                missingReason = ((TeacherTokens.TeacherToken.Missing) token).reasonKey();
            }
        }
        if (unavailable) {
            return retry(text("sync.problem.vkIdUnavailable"));
        }
        var problem = text(missingReason, missingTeacher.fullName());
        var link = staffFile(missingTeacher.employee());
        return failed("ITEM", problem, link, () -> ledger.callFailed(organization, lesson, "ITEM", problem, link));
    }

    private Completion startedCall(
            UUID organization,
            UUID lesson,
            UUID journal,
            Ledger.Teacher teacher,
            UserAccess user,
            Outcome<MessengerProvider.StartedCall> started) {
        if (started instanceof Outcome.Done<MessengerProvider.StartedCall> done) {
            return Completion.done(
                    () -> ledger.callStarted(
                            organization,
                            lesson,
                            done.value().callId(),
                            done.value().joinLink(),
                            teacher.employee(),
                            user.userId()),
                    journal);
        }
        var problem = ((Outcome.Failed<?>) started).problem();
        var link = staffFile(teacher.employee());
        return fromProblem(
                problem,
                () -> ledger.callFailed(organization, lesson, category(problem), explain(problem), link),
                link);
    }

    /** Finished with the token of the teacher who started it: VK lets only them finish it. */
    private Completion finishCall(Operation operation) {
        var organization = operation.organizationId();
        var lesson = operation.uuid("lesson");
        var call = ledger.call(organization, lesson, false).orElse(null);
        if (call == null || !"ACTIVE".equals(call.state()) || call.callId() == null || call.startedBy() == null) {
            return Completion.done();
        }
        var token = tokens.of(call.startedBy());
        if (token instanceof TeacherTokens.TeacherToken.Unavailable) {
            return retry(text("sync.problem.vkIdUnavailable"));
        }
        if (token instanceof TeacherTokens.TeacherToken.Missing) {
            return failed(
                    "ITEM",
                    text("sync.problem.callNotFinished"),
                    staffFile(call.startedBy()),
                    () -> ledger.callFinished(organization, lesson));
        }
        var user = ((TeacherTokens.TeacherToken.Granted) token).access();
        var finished = messenger.finishCall(user, call.callId());
        if (finished instanceof Outcome.Done<Boolean>) {
            return Completion.done(() -> ledger.callFinished(organization, lesson), null);
        }
        var problem = ((Outcome.Failed<?>) finished).problem();
        if (problem.kind() == Problem.Kind.USER_CREDENTIALS) {
            // nobody else may finish the call: once the teacher must re-link, it is left to VK to end it
            return refused(problem, call.startedBy(), user, () -> ledger.callFinished(organization, lesson));
        }
        return fromProblem(problem, Completion.NOTHING, null);
    }

    /** The chat gets the lesson, its time and the call link; the same call is never announced twice. */
    private Completion announce(Operation operation, CommunityAccess community) {
        var organization = operation.organizationId();
        var lesson = operation.uuid("lesson");
        var journal = operation.uuid("journal");
        var year = operation.uuid("year");
        var chat = ledger.chat(organization, journal, year, false).orElse(null);
        var call = ledger.call(organization, lesson, false).orElse(null);
        if (chat == null || chat.chatId() == null || call == null || call.joinLink() == null || call.announced()) {
            return Completion.done();
        }
        var text = announcements.text(lesson, call.joinLink());
        // VK keeps a random_id per sender, not per chat: the chat is part of it, so that the announcement of the same
        // call in a chat that replaced a lost one is not taken for a repeat of the first
        var dedupe = Announcements.dedupeKey(operation.objectKey() + ":" + call.callId() + ":" + chat.chatId());
        var posted = messenger.post(community, chat.chatId(), dedupe, text);
        if (posted instanceof Outcome.Done<Boolean>) {
            return Completion.done(() -> ledger.callAnnounced(organization, lesson), null);
        }
        return chatProblem(((Outcome.Failed<?>) posted).problem(), organization, journal, year, chat);
    }

    /**
     * A failure of an operation on an existing chat: a chat the messenger no longer has is recorded as lost at this
     * first error (its journal is planned again, so the next video lesson gets a new chat), others as usual.
     */
    private Completion chatProblem(Problem problem, UUID organization, UUID journal, UUID year, Ledger.Chat chat) {
        if (problem.kind() != Problem.Kind.GONE || chat.chatId() == null) {
            return fromProblem(problem, Completion.NOTHING, null);
        }
        var lost = text("sync.problem.chatLost", chat.title());
        long chatId = chat.chatId();
        return new Completion(
                Completion.Status.FAILED,
                () -> ledger.chatLost(organization, journal, year, chatId, lost),
                Problem.Kind.ITEM.name(),
                lost,
                "/journals/" + journal,
                journal);
    }

    /**
     * The messenger refused a teacher's own token: refreshed once if VK ID still accepts the link (then the operation
     * is tried again), otherwise the link is marked «нужно привязать заново», once, and the operation fails with
     * what the teacher has to do, without asking the messenger again.
     */
    private Completion refused(Problem problem, UUID employee, UserAccess user, Runnable onFailure) {
        var token = tokens.rejected(employee, user);
        if (token instanceof TeacherTokens.TeacherToken.Granted
                || token instanceof TeacherTokens.TeacherToken.Unavailable) {
            return retry(explain(problem));
        }
        var reason = ((TeacherTokens.TeacherToken.Missing) token).reasonKey();
        return failed("ITEM", text(reason, ledger.teacherName(employee)), staffFile(employee), onFailure);
    }

    private Completion fromProblem(Problem problem, Runnable onFailure, @Nullable String link) {
        if (problem.ambiguous() || problem.kind() == Problem.Kind.RETRY) {
            return retry(explain(problem));
        }
        if (problem.kind() == Problem.Kind.CREDENTIALS) {
            return new Completion(
                    Completion.Status.PAUSE, Completion.NOTHING, "CREDENTIALS", explain(problem), null, null);
        }
        return new Completion(Completion.Status.FAILED, onFailure, category(problem), explain(problem), link, null);
    }

    private static Completion retry(String problem) {
        return new Completion(Completion.Status.RETRY, Completion.NOTHING, "RETRY", problem, null, null);
    }

    private static Completion failed(String category, String problem, @Nullable String link) {
        return failed(category, problem, link, Completion.NOTHING);
    }

    private static Completion failed(String category, String problem, @Nullable String link, Runnable ledgerChange) {
        return new Completion(Completion.Status.FAILED, ledgerChange, category, problem, link, null);
    }

    /** The category recorded with a failure: what is left of a gone object or a refused person is an item matter. */
    private static String category(Problem problem) {
        return switch (problem.kind()) {
            case GONE, USER_CREDENTIALS -> Problem.Kind.ITEM.name();
            default -> problem.kind().name();
        };
    }

    private String explain(Problem problem) {
        return messages.getMessage(problem.explanation(), RUSSIAN);
    }

    private String text(String key, Object... arguments) {
        MessageSourceResolvable resolvable = new DefaultMessageSourceResolvable(new String[] {key}, arguments);
        return messages.getMessage(resolvable, RUSSIAN);
    }

    private static String staffFile(UUID employee) {
        return "/staff/" + employee;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
