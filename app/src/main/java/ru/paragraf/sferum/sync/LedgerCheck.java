package ru.paragraf.sferum.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.exchange.ExchangeRun;
import ru.paragraf.sferum.exchange.ExchangeRunItem;
import ru.paragraf.sferum.exchange.ItemResult;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * The ledger is a belief, not the truth (DESIGN §4): at each scheduled SFERUM_SYNC run, asks the messenger whether
 * the organization's chats still exist (in batches, within the community's rate limit) and whether the teachers who
 * started the calls of lessons still to come can still act. A chat gone is recorded as lost (a new one follows at the
 * next video lesson); a call whose teacher's token VK refuses is shown as «ошибка» with what to do. Every finding is
 * an item of the run.
 */
@Component
class LedgerCheck {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheck.class);

    private final Messengers messengers;
    private final Ledger ledger;
    private final PersonTokens tokens;
    private final SyncOrganizations organizations;
    private final PauseNotices notices;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    LedgerCheck(
            Messengers messengers,
            Ledger ledger,
            PersonTokens tokens,
            SyncOrganizations organizations,
            PauseNotices notices,
            MessageSource messages,
            TransactionTemplate transactions) {
        this.messengers = messengers;
        this.ledger = ledger;
        this.tokens = tokens;
        this.organizations = organizations;
        this.notices = notices;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** What a check found: the run's items, and the teachers whose VK ID has to be linked again. */
    record Findings(List<ExchangeRunItem> items, Set<UUID> relinkRequired) {}

    /** Checks the organization's chats and live calls. */
    Findings check(ExchangeRun run, UUID organization, CommunityAccess community) {
        var items = new ArrayList<ExchangeRunItem>();
        var relink = new HashSet<UUID>();
        checkChats(run, organization, community, items);
        checkCalls(organization, items, relink);
        return new Findings(items, relink);
    }

    private void checkChats(
            ExchangeRun run, UUID organization, CommunityAccess community, List<ExchangeRunItem> items) {
        var chats = ledger.activeChats(organization, community.communityId());
        if (chats.isEmpty()) {
            return;
        }
        var present = messengers
                .providerOf(organization)
                .presentChats(
                        community, chats.stream().map(Ledger.ActiveChat::chatId).toList());
        if (present instanceof Outcome.Failed<Set<Long>> failed) {
            items.add(notChecked(run, organization, failed.problem()));
        } else if (present instanceof Outcome.Done<Set<Long>> found) {
            recordLost(run, organization, chats, found.value(), items);
        }
    }

    private void recordLost(
            ExchangeRun run,
            UUID organization,
            List<Ledger.ActiveChat> chats,
            Set<Long> found,
            List<ExchangeRunItem> items) {
        var messenger = messengers.of(organization);
        var lost = 0;
        for (var chat : chats) {
            if (found.contains(chat.chatId())) {
                continue;
            }
            var problem = text(messenger.textKey("sync.problem.chatLost"), chat.title());
            var recorded = transactions.execute(status -> ledger.chatLost(chat.key(), chat.chatId(), problem));
            if (Boolean.TRUE.equals(recorded)) {
                lost++;
                items.add(RunItems.in(
                        messenger,
                        RunItems.of(
                                        ItemResult.WARNING,
                                        RunItems.Subject.CHAT,
                                        chat.key().journal(),
                                        chat.title(),
                                        RunItems.Step.CHECK_CHAT,
                                        run.text(messenger.textKey("sync.run.chatLost"), chat.title()))
                                .withLink("/journals/" + chat.key().journal())));
            }
        }
        log.info("Checked {} chats of organization {} in the messenger: {} lost", chats.size(), organization, lost);
    }

    /**
     * VK offers no way to read a call back, so a call is vouched for by what can be checked: that the token of the
     * teacher who started it still works (one request per teacher). A refused token is refreshed once; if that fails
     * too, the teacher's link is marked for re-linking and the teacher's calls are shown as «ошибка».
     */
    private void checkCalls(UUID organization, List<ExchangeRunItem> items, Set<UUID> relink) {
        var byTeacher = new LinkedHashMap<UUID, List<Ledger.LiveCall>>();
        ledger.liveCalls(organization).forEach(call -> byTeacher
                .computeIfAbsent(call.startedBy(), teacher -> new ArrayList<>())
                .add(call));
        var messenger = messengers.providerOf(organization);
        byTeacher.forEach((teacher, calls) -> {
            var refusal = refusal(messenger, teacher);
            if (refusal == null) {
                return;
            }
            relink.add(teacher);
            for (var call : calls) {
                var problem = text("sync.problem.callUnconfirmed", refusal);
                var link = "/staff/" + teacher;
                var recorded = transactions.execute(status -> ledger.callUnconfirmed(call.key(), problem, link));
                if (Boolean.TRUE.equals(recorded)) {
                    items.add(RunItems.of(
                                    ItemResult.ERROR,
                                    RunItems.Subject.CALL,
                                    call.key().lesson(),
                                    null,
                                    RunItems.Step.CHECK_CALL,
                                    problem)
                            .withLink(link));
                }
            }
        });
    }

    /** Why the teacher's calls cannot be vouched for, in Russian; null when the teacher's token works. */
    private @Nullable String refusal(MessengerProvider messenger, UUID teacher) {
        return tokens.of(teacher)
                .fold(user -> refusal(messenger, teacher, user), reason -> missing(teacher, reason), () -> null);
    }

    /** Why the messenger no longer takes the teacher's token, once refreshing it failed too; null if it takes it. */
    private @Nullable String refusal(MessengerProvider messenger, UUID teacher, UserAccess user) {
        var refused = messenger
                .checkUser(user)
                .fold(checked -> false, problem -> problem.kind() == Problem.Kind.USER_CREDENTIALS);
        if (!refused) {
            return null;
        }
        return tokens.rejected(teacher, user).fold(again -> null, reason -> missing(teacher, reason), () -> null);
    }

    private String missing(UUID teacher, PersonTokens.Reason reason) {
        return text(reason.key(MemberRole.TEACHER), ledger.personName(teacher));
    }

    private ExchangeRunItem notChecked(ExchangeRun run, UUID organization, Problem problem) {
        var explanation = messages.getMessage(problem.explanation(), SyncTexts.RUSSIAN);
        if (problem.kind() == Problem.Kind.CREDENTIALS && organizations.pause(organization, explanation)) {
            notices.paused(organization, explanation);
        }
        var messenger = messengers.of(organization);
        return RunItems.in(
                messenger,
                RunItems.of(
                                ItemResult.WARNING,
                                RunItems.Subject.ORGANIZATION,
                                organization,
                                null,
                                RunItems.Step.CHECK_CHATS,
                                run.text(messenger.textKey("sync.run.chatsNotChecked"), explanation))
                        .withLink("/orgs/" + organization + "/linkbase"));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, SyncTexts.RUSSIAN);
    }
}
