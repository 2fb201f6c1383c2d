package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * Entering, re-verifying and removing an organization's MAX bot token, the MAX counterpart of {@link
 * CredentialsManagement} and {@link CredentialsChanges}: MAX is asked first ({@code GET /me}), outside any transaction;
 * a token MAX refuses is not stored (the credentials that worked stay); one it could not be asked about is stored
 * «не проверены» and re-verified by {@link CredentialRechecks}. Every change is audited like the VK credentials', with
 * {@code messenger=MAX}, in the transaction of the change.
 */
@Service
class BotCredentials {

    private static final Logger log = LoggerFactory.getLogger(BotCredentials.class);

    private final SchoolBots bots;
    private final SferumCommunities communities;
    private final BotVerifier verifier;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final LinkbaseProperties properties;
    private final Clock clock;

    BotCredentials(
            SchoolBots bots,
            SferumCommunities communities,
            BotVerifier verifier,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            LinkbaseProperties properties,
            Clock clock) {
        this.bots = bots;
        this.communities = communities;
        this.verifier = verifier;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What came of entering a bot token. */
    sealed interface Outcome {

        record Saved(StoredBot bot) implements Outcome {}

        record Invalid(List<InputProblem> problems) implements Outcome {}

        record Refused(RejectionReason reason) implements Outcome {}

        /** MAX confirmed the token, but its bot is another school's already. */
        record Taken(long botUserId) implements Outcome {}
    }

    Optional<StoredBot> find(OrganizationSummary organization) {
        return bots.find(organization.id());
    }

    Outcome save(CurrentUser user, OrganizationSummary organization, @Nullable String rawToken, String channel) {
        var problems = CredentialsInput.checkBotToken(rawToken);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(problems);
        }
        var token = new BotToken(rawToken == null ? "" : rawToken.strip());
        var verdict = verifier.verify(token);
        log.info(
                "Verified the MAX bot token {} of organization {}: {}",
                token.masked(),
                organization.id(),
                describe(verdict));
        if (verdict instanceof BotVerdict.Rejected refused) {
            transactions.executeWithoutResult(
                    status -> audit.record(entry(user, organization.id(), CredentialsChanges.REJECTED)
                            .with("token", token.masked())
                            .with("reason", refused.reason().name())
                            .with("channel", channel)));
            return new Outcome.Refused(refused.reason());
        }
        try {
            return new Outcome.Saved(store(user, organization.id(), token, verdict, channel));
        } catch (BotTakenException e) {
            // told only after MAX accepted the token: which school holds a bot is not for whoever guesses tokens
            return new Outcome.Taken(e.botUserId());
        }
    }

    /**
     * Stores the token with a verdict MAX gave (here, or at a hand-down's preview), in the caller's transaction if
     * there is one; audited and announced like {@link #save}.
     *
     * @throws BotTakenException when another organization holds the bot MAX named
     */
    StoredBot store(CurrentUser user, UUID organization, BotToken token, BotVerdict verdict, String channel) {
        return transactions.execute(status -> {
            var now = OffsetDateTime.now(clock);
            var previous = bots.lockMessenger(organization);
            var verified = verdict instanceof BotVerdict.Verified ok ? ok : null;
            if (verified != null
                    && bots.otherHolderOf(verified.userId(), organization).isPresent()) {
                throw new BotTakenException(verified.userId());
            }
            var stored = new StoredBot(
                    organization,
                    verified == null ? null : verified.userId(),
                    verified == null ? null : verified.name(),
                    verified == null ? null : verified.username(),
                    bots.seal(organization, token),
                    token.masked(),
                    verified == null ? VerificationState.UNVERIFIED : VerificationState.VERIFIED,
                    null,
                    verified == null ? null : now,
                    now,
                    verified == null ? 1 : 0,
                    verified == null ? now.plus(properties.recheck().backoff(1)) : null,
                    now,
                    user.displayName() + " (" + user.username() + ")",
                    0);
            try {
                bots.save(stored);
            } catch (DuplicateKeyException e) {
                // another school took the bot since the check above
                throw new BotTakenException(stored.botUserId() == null ? 0 : stored.botUserId());
            }
            communities.forget(organization);
            var entry = entry(
                            user,
                            organization,
                            previous.isPresent() ? CredentialsChanges.REPLACED : CredentialsChanges.SAVED)
                    .with("token", token.masked())
                    .with("state", stored.state().name())
                    .with("channel", channel);
            if (verified != null) {
                entry = entry.with("bot", "@" + verified.username());
            }
            if (previous.isPresent()) {
                entry = entry.with("previousMessenger", previous.get());
            }
            audit.record(entry);
            events.publishEvent(new MessengerBotChanged(organization, stored.state()));
            return bots.find(organization).orElseThrow();
        });
    }

    /** Asks MAX again about the stored token («Проверить ещё раз»); empty when there is none. */
    Optional<StoredBot> verifyAgain(CurrentUser user, OrganizationSummary organization) {
        return bots.find(organization.id()).map(stored -> {
            var verdict = verify(stored);
            return recordVerdict(user, stored, verdict)
                    .orElseGet(() -> bots.find(organization.id()).orElse(stored));
        });
    }

    Optional<StoredBot> remove(CurrentUser user, OrganizationSummary organization) {
        return transactions.execute(status -> {
            var removed = bots.delete(organization.id());
            communities.forget(organization.id());
            removed.ifPresent(bot -> {
                audit.record(entry(user, organization.id(), CredentialsChanges.REMOVED)
                        .with("token", bot.tokenMasked()));
                events.publishEvent(new MessengerBotChanged(organization.id(), null));
            });
            return removed;
        });
    }

    /** Re-verifies due «не проверены» bot tokens; returns how many got a definite verdict. */
    int recheckDue() {
        var recheck = properties.recheck();
        int settled = 0;
        for (var stored : bots.claimDue(OffsetDateTime.now(clock), recheck.lease(), recheck.batchSize())) {
            try {
                var verdict = verify(stored);
                recordVerdict(null, stored, verdict);
                if (!(verdict instanceof BotVerdict.Unreachable)) {
                    settled++;
                }
            } catch (RuntimeException e) {
                // the lease runs out and another run tries again
                log.error("Re-verification of the MAX bot of organization {} failed", stored.organizationId(), e);
            }
        }
        return settled;
    }

    BotVerdict verify(StoredBot stored) {
        var token = bots.opened(stored);
        var verdict = verifier.verify(token);
        log.info(
                "Re-verified the MAX bot token {} of organization {}: {}",
                token.masked(),
                stored.organizationId(),
                describe(verdict));
        return verdict;
    }

    /** Records MAX's verdict on the token as it was at {@code checked}'s version; audited like the VK verdicts. */
    Optional<StoredBot> recordVerdict(@Nullable CurrentUser actor, StoredBot checked, BotVerdict verdict) {
        return transactions.execute(status -> {
            var now = OffsetDateTime.now(clock);
            StoredBot updated;
            if (verdict instanceof BotVerdict.Verified ok
                    && bots.otherHolderOf(ok.userId(), checked.organizationId()).isPresent()) {
                // a token stored «не проверен» turns out to be the bot of another school
                updated = checked.refused(RejectionReason.BOT_OF_ANOTHER_SCHOOL, now);
            } else if (verdict instanceof BotVerdict.Verified ok) {
                updated = checked.verified(ok, now);
            } else if (verdict instanceof BotVerdict.Rejected refused) {
                updated = checked.refused(refused.reason(), now);
            } else {
                updated = checked.unreachable(now, properties.recheck().backoff(checked.failedAttempts() + 1));
            }
            if (!bots.recordVerdict(updated)) {
                return Optional.<StoredBot>empty();
            }
            communities.forget(checked.organizationId());
            boolean changed = updated.state() != checked.state() || updated.failure() != checked.failure();
            if (actor != null || changed) {
                audit.record(entry(actor, checked.organizationId(), CredentialsChanges.VERIFIED)
                        .with("token", checked.tokenMasked())
                        .with("result", result(verdict))
                        .with("state", updated.state().name()));
            }
            if (changed) {
                events.publishEvent(new MessengerBotChanged(checked.organizationId(), updated.state()));
            }
            return bots.find(checked.organizationId());
        });
    }

    private static String result(BotVerdict verdict) {
        if (verdict instanceof BotVerdict.Verified) {
            return "VERIFIED";
        }
        if (verdict instanceof BotVerdict.Rejected refused) {
            return refused.reason().name();
        }
        return "UNREACHABLE";
    }

    static String describe(BotVerdict verdict) {
        if (verdict instanceof BotVerdict.Verified ok) {
            return "verified, bot " + ok.userId() + " @" + ok.username();
        }
        if (verdict instanceof BotVerdict.Rejected refused) {
            return "refused, " + refused.reason();
        }
        return "MAX unreachable, " + ((BotVerdict.Unreachable) verdict).cause();
    }

    private static AuditEntry entry(@Nullable CurrentUser actor, UUID organization, String action) {
        return new AuditEntry(actor, organization, action, "sferum-community:" + organization, Map.of())
                .with("messenger", "MAX");
    }
}
