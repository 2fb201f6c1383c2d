package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.OrganizationDirectory;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * «Применить»: stores exactly the rows of a preview that passed, in one transaction — all of them or, if anything
 * fails, none. Applying a preview again changes nothing: the preview's row lock serialises concurrent requests and
 * an applied preview is only reported. Sferum is not asked again: the preview's verdicts are stored with their time.
 */
@Service
class HanddownApply {

    private static final Logger log = LoggerFactory.getLogger(HanddownApply.class);

    /** How «Применить» ended. */
    sealed interface Outcome {}

    record Applied(int rows) implements Outcome {}

    record AlreadyApplied() implements Outcome {}

    record NotReady() implements Outcome {}

    record Expired() implements Outcome {}

    record NothingToApply() implements Outcome {}

    /** Nothing was stored; {@code message} says why, in Russian. */
    record Failed(String message) implements Outcome {}

    private final Handdowns handdowns;
    private final CredentialsChanges changes;
    private final BotCredentials bots;
    private final OrganizationDirectory directory;
    private final SecretBox box;
    private final TransactionTemplate transactions;
    private final LinkbaseTexts texts;
    private final LinkbaseProperties properties;
    private final Clock clock;

    HanddownApply(
            Handdowns handdowns,
            CredentialsChanges changes,
            BotCredentials bots,
            OrganizationDirectory directory,
            SecretBox box,
            TransactionTemplate transactions,
            LinkbaseTexts texts,
            LinkbaseProperties properties,
            Clock clock) {
        this.handdowns = handdowns;
        this.changes = changes;
        this.bots = bots;
        this.directory = directory;
        this.box = box;
        this.transactions = transactions;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Empty when the preview is not the user's (or no longer exists). */
    Optional<Outcome> apply(CurrentUser user, UUID id) {
        try {
            return Optional.ofNullable(transactions.execute(status -> applyInTransaction(user, id)));
        } catch (CommunityTakenException e) {
            return Optional.of(new Failed(texts.get("linkbase.apply.taken", String.valueOf(e.communityId()))));
        } catch (BotTakenException e) {
            return Optional.of(new Failed(texts.get("linkbase.apply.botTaken")));
        } catch (OutOfScopeException e) {
            return Optional.of(new Failed(texts.get("linkbase.apply.outOfScope", e.line)));
        } catch (DataAccessException e) {
            log.error("Applying hand-down {} failed; nothing was stored", id, e);
            return Optional.of(new Failed(texts.get("linkbase.apply.failed")));
        }
    }

    private @Nullable Outcome applyInTransaction(CurrentUser user, UUID id) {
        var handdown = handdowns.lock(id, user.accountId()).orElse(null);
        if (handdown == null) {
            return null;
        }
        var now = OffsetDateTime.now(clock);
        if (handdown.status() == HanddownStatus.APPLIED) {
            return new AlreadyApplied();
        }
        if (handdown.expiredAt(now)) {
            return new Expired();
        }
        if (handdown.status() == HanddownStatus.VERIFYING) {
            return new NotReady();
        }
        var passed = handdowns.rows(id).stream()
                .filter(row -> row.outcome().passed())
                .toList();
        if (passed.isEmpty()) {
            return new NothingToApply();
        }
        for (var row : passed) {
            var organization = row.organizationId() == null
                    ? null
                    : directory.findVisible(user, row.organizationId()).orElse(null);
            var sealed = row.token();
            if (row.max() && organization != null && sealed != null) {
                applyBot(user, id, row, organization.id(), sealed);
                continue;
            }
            var communityId = row.communityId();
            if (organization == null || sealed == null || communityId == null) {
                throw new OutOfScopeException(String.valueOf(row.line()));
            }
            var token = box.open(sealed, HanddownRow.tokenContext(id, row.line()));
            CommunityVerdict verdict = row.outcome() == RowOutcome.VERIFIED
                    ? new CommunityVerdict.Verified(row.communityName() == null ? "" : row.communityName())
                    : new CommunityVerdict.Unreachable("not verified at the preview");
            changes.save(
                    user,
                    organization.id(),
                    new Credentials(communityId, new SferumToken(token)),
                    verdict,
                    row.verifiedAt() == null ? now : row.verifiedAt(),
                    "handdown:" + id);
        }
        handdowns.markApplied(id, now, now.plus(properties.handdown().reportLifetime()));
        log.info("Applied hand-down {}: credentials of {} organizations stored", id, passed.size());
        return new Applied(passed.size());
    }

    private void applyBot(CurrentUser user, UUID handdown, HanddownRow row, UUID organization, String sealed) {
        var token = new BotToken(box.open(sealed, HanddownRow.tokenContext(handdown, row.line())));
        var botUserId = row.botUserId();
        BotVerdict verdict = row.outcome() == RowOutcome.VERIFIED && botUserId != null
                ? new BotVerdict.Verified(
                        botUserId,
                        row.botName() == null ? "" : row.botName(),
                        row.botUsername() == null ? "" : row.botUsername())
                : new BotVerdict.Unreachable("not verified at the preview");
        bots.store(user, organization, token, verdict, "handdown:" + handdown);
    }

    /** A row's organization is no longer within the user's scope. */
    static final class OutOfScopeException extends RuntimeException {

        final String line;

        OutOfScopeException(String line) {
            super("Row " + line + " is out of the user's scope");
            this.line = line;
        }
    }
}
