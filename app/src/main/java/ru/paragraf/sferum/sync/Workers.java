package ru.paragraf.sferum.sync;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's workers: a pool of {@code worker-threads} that carry out claimed operations ({@link OperationRunner}),
 * and one pump thread that keeps them supplied. Each pass of the pump renews this node's leases and measures its
 * share ({@link ServedCommunities}: one node per community, up to {@code communities} at once), gives communities
 * back and leases more, and hands the free threads to the served communities ({@link Dispatcher}: up to
 * {@code community-concurrency} in flight each, in the order of {@link Fairness}). The VK client's per-token rate
 * limiters pace the calls, so a community's token is used up to its limit while calls of different teachers' tokens
 * go on side by side. One object's operations (a chat's, a call's, a member's) still run one after the other, in
 * the order they were planned ({@link Operations#claim}).
 *
 * <p>The pump runs every {@code pump-interval}, at once when new work was planned, and whenever an operation ends.
 * While the machine's CPU is above {@code cpu-ceiling}, fewer operations are let in flight ({@link InFlight},
 * {@link WorkerLimit}), so that pages and newly published lessons are not starved by a mass run.
 */
@Component
class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final SyncProperties properties;
    private final Operations operations;
    private final ServedCommunities communities;
    private final Dispatcher dispatcher;
    private final InFlight inFlight;
    private final OperationRunner runner;
    private final ThisNode node;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean planned = new AtomicBoolean(true);

    private volatile boolean running;
    private @Nullable ExecutorService pool;
    private @Nullable Thread pump;

    Workers(
            SyncProperties properties,
            Operations operations,
            ServedCommunities communities,
            Dispatcher dispatcher,
            InFlight inFlight,
            OperationRunner runner,
            ThisNode node) {
        this.properties = properties;
        this.operations = operations;
        this.communities = communities;
        this.dispatcher = dispatcher;
        this.inFlight = inFlight;
        this.runner = runner;
        this.node = node;
    }

    /** New work was planned: look for it now rather than at the next interval. */
    void wakeUp() {
        planned.set(true);
        wake.release();
    }

    /**
     * New work was planned because someone changed something and waits to see it (a lesson published, a VK ID
     * linked): among the communities waiting for a thread, this one goes first, until its next claim.
     */
    void hurry(long community) {
        communities.hurry(community);
        wakeUp();
    }

    String node() {
        return node.name();
    }

    @Override
    public void start() {
        if (!properties.workersEnabled()) {
            return;
        }
        running = true;
        communities.start();
        var threads = properties.workerThreads();
        var counter = new AtomicInteger();
        var executor = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    var thread = new Thread(runnable, "sync-worker-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        pool = executor;
        pump = new Thread(this::pumpLoop, "sync-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void stop() {
        running = false;
        if (pump != null) {
            pump.interrupt();
            try {
                // no claim after the pool stops taking work
                pump.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        communities.giveAllBack();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pumpLoop() {
        var failures = 0L;
        var housekeptAt = System.nanoTime() - properties.pumpInterval().toNanos();
        while (running) {
            try {
                var now = System.nanoTime();
                var housekeeping =
                        now - housekeptAt >= properties.pumpInterval().toNanos();
                if (housekeeping) {
                    housekeptAt = now;
                }
                pass(housekeeping);
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

    /**
     * One pass: on {@code housekeeping} (every pump interval) the CPU limit is adjusted, operations of vanished nodes
     * return to the queue, leases are renewed and every served community is looked at again (retries come due);
     * the share is measured when due; then communities are given back or leased, and due operations claimed.
     */
    private void pass(boolean housekeeping) {
        var newWork = planned.getAndSet(false);
        if (housekeeping) {
            inFlight.adjustToMachine();
            operations.releaseExpired();
            communities.renew();
        }
        communities.measure(housekeeping, newWork);
        if (housekeeping || newWork) {
            communities.lookAgain();
        }
        var gaveBack = communities.giveBack();
        if (housekeeping || newWork || gaveBack) {
            communities.takeMore();
        }
        dispatcher.pass(communities, this::start);
    }

    private void start(ServedCommunity community, Operation operation) {
        var threads = pool;
        if (threads == null) {
            throw new IllegalStateException("The workers have not started");
        }
        threads.execute(() -> work(community, operation));
    }

    /** What a worker thread does with a claimed operation; then it claims the community's next ones. */
    private void work(ServedCommunity community, Operation operation) {
        try {
            runner.carryOut(operation);
        } finally {
            dispatcher.ended(community, running, this::start);
            wake.release();
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
