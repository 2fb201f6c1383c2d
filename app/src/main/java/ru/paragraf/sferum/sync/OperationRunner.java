package ru.paragraf.sferum.sync;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out one claimed operation on a worker thread: the messenger call, then how it ended recorded with its
 * ledger change in one transaction. When that cannot be recorded (the database is away), the operation stays
 * RUNNING and returns to the queue after its {@code operation-lease}.
 */
@Component
class OperationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final OperationExecutor executor;
    private final Outcomes outcomes;
    private final TransactionTemplate transactions;
    private final SyncProperties properties;
    private final AtomicLong recordingFailures = new AtomicLong();

    OperationRunner(
            OperationExecutor executor,
            Outcomes outcomes,
            TransactionTemplate transactions,
            SyncProperties properties) {
        this.executor = executor;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.properties = properties;
    }

    void carryOut(Operation operation) {
        try {
            Completion completion;
            try {
                completion = executor.execute(operation);
            } catch (RuntimeException e) {
                log.error("Operation {} {} failed unexpectedly", operation.id(), operation.kind(), e);
                completion = new Completion(
                        Completion.Status.RETRY,
                        Completion.NOTHING,
                        "BUG",
                        e.getClass().getSimpleName(),
                        null,
                        null);
            }
            var finished = completion;
            transactions.executeWithoutResult(status -> outcomes.record(operation, finished));
        } catch (RuntimeException e) {
            // the database is away: the operation stays RUNNING and returns to the queue after its lease
            if (recordingFailures.getAndIncrement() % 100 == 0) {
                log.warn(
                        "Could not record how operation {} ended ({} such failures so far); it is retried after {}: {}",
                        operation.id(),
                        recordingFailures.get(),
                        properties.operationLease(),
                        e.toString());
            }
        }
    }
}
