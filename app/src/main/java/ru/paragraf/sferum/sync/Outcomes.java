package ru.paragraf.sferum.sync;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records how an operation ended, in the caller's transaction, with its ledger change: done, retried with backoff,
 * failed with what to do, or — for failed community credentials — parked while the organization is paused. The
 * organization is paused once, and the admin told once, however many operations hit the failure. What a change
 * makes possible in its journal is planned in the same transaction, so no follow-up is lost to a crash.
 */
@Component
class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    private final Operations operations;
    private final SyncOrganizations organizations;
    private final Planner planner;
    private final Ledger ledger;
    private final SyncProperties properties;
    private final PauseNotices notices;
    private final LedgerNews news;

    Outcomes(
            Operations operations,
            SyncOrganizations organizations,
            Planner planner,
            Ledger ledger,
            SyncProperties properties,
            PauseNotices notices,
            LedgerNews news) {
        this.operations = operations;
        this.organizations = organizations;
        this.planner = planner;
        this.ledger = ledger;
        this.properties = properties;
        this.notices = notices;
        this.news = news;
    }

    /** Records the completion; returns the status the operation has now. */
    OperationStatus record(Operation operation, Completion completion) {
        return completion.fold(
                done -> done(operation, done),
                retry -> retry(operation, retry),
                failed -> failed(operation, failed),
                pause -> pause(operation, pause));
    }

    private OperationStatus done(Operation operation, Completion.Done done) {
        var followUp = write(done.change());
        operations.done(operation);
        planFollowUp(operation, followUp);
        return OperationStatus.DONE;
    }

    private OperationStatus retry(Operation operation, Completion.Retry retry) {
        if (operation.attempts() >= properties.maxAttempts()) {
            operations.failed(operation, retry.category(), retry.reason(), null);
            log.warn(
                    "Operation {} {} gave up after {} attempts: {}",
                    operation.id(),
                    operation.kind(),
                    operation.attempts(),
                    retry.reason());
            return OperationStatus.FAILED;
        }
        operations.retryLater(
                operation, Workers.backoff(properties, operation.attempts()), retry.category(), retry.reason());
        return OperationStatus.PENDING;
    }

    private OperationStatus failed(Operation operation, Completion.Failed failed) {
        var followUp = write(failed.change());
        operations.failed(operation, failed.category(), failed.reason(), failed.link());
        planFollowUp(operation, followUp);
        return OperationStatus.FAILED;
    }

    private OperationStatus pause(Operation operation, Completion.Pause pause) {
        operations.parkUntilResumed(operation, pause.reason());
        if (organizations.pause(operation.organizationId(), pause.reason())) {
            notices.paused(operation.organizationId(), pause.reason());
        }
        return OperationStatus.PENDING;
    }

    /** Writes the change to the ledger; returns what it makes possible, its journal held until the transaction ends. */
    private LedgerChange.@Nullable FollowUp write(@Nullable LedgerChange change) {
        if (change == null) {
            return null;
        }
        var followUp = change.followUp();
        if (followUp != null
                && (followUp.kinds().contains(OperationKind.ANNOUNCE_CALL)
                        || followUp.kinds().contains(OperationKind.RENEW_INVITE_LINK))) {
            // a new chat and a new call of one journal may end at the same time, each needing the other for the
            // announcement; two removals from one chat may end at the same time, each waiting for the other before
            // the link is renewed, and so may a removal and the chat's renewal, the removal's renewal kept out by
            // the open one: one after the other, the second sees the first and plans what follows. No other
            // follow-up needs a change of another operation: what it needs besides this change was committed before
            // it was planned
            ledger.lockJournal(followUp.journal());
        }
        change.applyTo(ledger);
        news.told(change);
        return followUp;
    }

    private void planFollowUp(Operation operation, LedgerChange.@Nullable FollowUp followUp) {
        if (followUp != null) {
            planner.plan(operation.organizationId(), followUp);
        }
    }
}
