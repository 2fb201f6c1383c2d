package ru.paragraf.sferum.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records how an operation ended, in one transaction with its ledger change: done, retried with backoff, failed
 * with what to do, or — for failed community credentials — parked while the organization is paused. The
 * organization is paused once, and the admin told once, however many operations hit the failure.
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

    Outcomes(
            Operations operations,
            SyncOrganizations organizations,
            Planner planner,
            Ledger ledger,
            SyncProperties properties,
            PauseNotices notices) {
        this.operations = operations;
        this.organizations = organizations;
        this.planner = planner;
        this.ledger = ledger;
        this.properties = properties;
        this.notices = notices;
    }

    void record(Operation operation, Completion completion) {
        switch (completion.status()) {
            case DONE:
                if (completion.replan() != null) {
                    // a new chat and a new call of one journal may end at the same time, each needing the other
                    // for the announcement: one after the other, the second sees the first and plans it
                    ledger.lockJournal(completion.replan());
                }
                completion.ledger().run();
                operations.done(operation);
                if (completion.replan() != null) {
                    planner.planAfter(operation.kind(), operation.organizationId(), completion.replan());
                }
                break;
            case RETRY:
                if (operation.attempts() >= properties.maxAttempts()) {
                    operations.failed(operation, completion.category(), completion.problem(), completion.link());
                    log.warn(
                            "Operation {} {} gave up after {} attempts: {}",
                            operation.id(),
                            operation.kind(),
                            operation.attempts(),
                            completion.problem());
                } else {
                    operations.retryLater(
                            operation,
                            Workers.backoff(properties, operation.attempts()),
                            completion.category(),
                            completion.problem());
                }
                break;
            case FAILED:
                if (completion.replan() != null) {
                    ledger.lockJournal(completion.replan());
                }
                completion.ledger().run();
                operations.failed(operation, completion.category(), completion.problem(), completion.link());
                if (completion.replan() != null) {
                    // the failure changed what the journal needs: a chat VK lost is replaced
                    planner.plan(operation.organizationId(), completion.replan(), null);
                }
                break;
            default:
                operations.parkUntilResumed(operation, completion.problem());
                if (organizations.pause(operation.organizationId(), completion.problem())) {
                    notices.paused(operation.organizationId(), completion.problem());
                }
        }
    }
}
