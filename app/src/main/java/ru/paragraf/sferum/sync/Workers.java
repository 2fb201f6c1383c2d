package ru.paragraf.sferum.sync;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's workers. A pump thread leases communities with due operations (one node per community), and each
 * leased community is drained by one worker thread, oldest operation first, within the community's rate limit.
 * The pump runs every {@code pumpInterval} and at once when new work was planned.
 */
@Component
class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final SyncProperties properties;
    private final Operations operations;
    private final CommunityLeases leases;
    private final OperationExecutor executor;
    private final Outcomes outcomes;
    private final TransactionTemplate transactions;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> serving = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ExecutorService pool;
    private Thread pump;

    Workers(
            SyncProperties properties,
            Operations operations,
            CommunityLeases leases,
            OperationExecutor executor,
            Outcomes outcomes,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.operations = operations;
        this.leases = leases;
        this.executor = executor;
        this.outcomes = outcomes;
        this.transactions = transactions;
    }

    /** New work was planned: look for it now rather than at the next interval. */
    void wakeUp() {
        wake.release();
    }

    String node() {
        return node;
    }

    @Override
    public void start() {
        if (!properties.workersEnabled()) {
            return;
        }
        running = true;
        pool = Executors.newFixedThreadPool(properties.workerThreads(), runnable -> {
            var thread = new Thread(runnable, "sync-worker");
            thread.setDaemon(true);
            return thread;
        });
        pump = new Thread(this::pumpLoop, "sync-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void stop() {
        running = false;
        if (pump != null) {
            pump.interrupt();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pumpLoop() {
        var failures = 0L;
        while (running) {
            try {
                pumpOnce();
                if (failures > 0) {
                    log.info("Sync pump works again after {} failed passes", failures);
                    failures = 0;
                }
                wake.tryAcquire(properties.pumpInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // once per outage, then every hundredth pass: a database down for minutes must not flood the log
                if (failures++ % 100 == 0) {
                    log.warn(
                            "Sync pump failed ({} passes so far); retrying every {}: {}",
                            failures,
                            properties.pumpInterval(),
                            e.toString());
                }
                sleepQuietly(properties.pumpInterval());
            }
        }
    }

    void pumpOnce() {
        operations.releaseExpired();
        var free = properties.workerThreads() - serving.size();
        for (var community : leases.acquire(node, free, properties.communityLease())) {
            if (serving.add(community)) {
                pool.execute(() -> drain(community));
            }
        }
    }

    private void drain(long community) {
        var sliceEnds = System.nanoTime() + properties.communitySlice().toNanos();
        try {
            while (running && System.nanoTime() < sliceEnds) {
                var claimed = operations.claimNext(community, node, properties.operationLease());
                if (claimed.isEmpty()) {
                    break;
                }
                var operation = claimed.get();
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
                if (finished.replan() != null) {
                    wakeUp();
                }
                if (!leases.renew(community, node, properties.communityLease())) {
                    return;
                }
            }
            leases.release(community, node);
            if (running && System.nanoTime() >= sliceEnds) {
                // its slice is over: the pump hands the community out again, after those waiting longest
                wakeUp();
            }
        } catch (RuntimeException e) {
            log.warn("Serving community {} failed; another pass will take it up: {}", community, e.toString());
        } finally {
            serving.remove(community);
        }
    }

    static Duration backoff(SyncProperties properties, int attempts) {
        var exponent = Math.min(Math.max(attempts - 1, 0), 20);
        var delay = Math.min(
                properties.backoff().toMillis() << exponent,
                properties.maxBackoff().toMillis());
        var jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (delay * jitter)));
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
