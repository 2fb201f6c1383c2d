package ru.paragraf.sferum.sync;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's workers. One pump thread leases communities with due operations (one node per community, up to
 * {@code communities} at once), claims each served community's due operations, up to
 * {@code community-concurrency} of them in flight, and hands them to a pool of {@code worker-threads}. The VK
 * client's per-token rate limiters pace the calls, so a community's token is used up to its limit while calls of
 * different teachers' tokens go on side by side. One object's operations (a chat's, a call's, a member's) still
 * run one after the other, in the order they were planned ({@link Operations#claim}).
 *
 * <p>The pump runs every {@code pumpInterval}, at once when new work was planned, and whenever an operation ends.
 * A node serves its share of the communities with work (divided among the live nodes, at most
 * {@code communities}; measured again at once when new work was planned). A community is given back when it has
 * nothing due and nothing in flight, or when its {@code community-slice} is over while communities or nodes wait:
 * communities waiting longest go first. When every thread is busy, a thread that comes free goes to the served
 * community with the fewest operations in flight and, among those, to one with work someone waits for
 * ({@link #hurry}: a lesson published just now), then to the one waiting longest for a claim.
 *
 * <p>While the machine's CPU is above {@code cpu-ceiling}, fewer operations are let in flight ({@link WorkerLimit}),
 * so that pages and newly published lessons are not starved by a mass run.
 */
@Component
class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    /** A community whose lease this node holds. */
    private static final class Served {
        final long community;
        final AtomicInteger inFlight = new AtomicInteger();
        /** Whether claiming may find something: set when an operation ends or work was planned. */
        final AtomicBoolean claimAgain = new AtomicBoolean(true);

        volatile long sliceEnds;
        /** When a claim last started operations of it (nanoTime); never, for a community just leased. */
        volatile long claimedAt = Long.MIN_VALUE;
        /** The last claim found nothing due. */
        volatile boolean idle;
        /** Another node holds the lease now: claim nothing more. */
        volatile boolean lost;
        /** Its slice is over and others wait: claim nothing more, give it back once nothing is in flight. */
        boolean retiring;

        Served(long community, long sliceEnds) {
            this.community = community;
            this.sliceEnds = sliceEnds;
        }
    }

    private final SyncProperties properties;
    private final Operations operations;
    private final CommunityLeases leases;
    private final OperationExecutor executor;
    private final Outcomes outcomes;
    private final TransactionTemplate transactions;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean planned = new AtomicBoolean(true);
    private final Map<Long, Served> served = new ConcurrentHashMap<>();
    /** Communities with work someone waits for ({@link #hurry}): served first, until their next claim. */
    private final Set<Long> urgent = ConcurrentHashMap.newKeySet();

    private final AtomicInteger inFlight = new AtomicInteger();
    /** A served community has nothing in flight and found no free thread (set by the pump's claiming pass). */
    private volatile boolean waitingForThread;
    /** This node's share of the communities with work (pump thread only). */
    private int share;
    /** How many communities to give back at the end of their slices, for nodes or communities waiting (pump only). */
    private int toGiveBack;
    /** When the share was last measured (pump only). */
    private long measuredAt;
    /** New work was planned since: measure the share again within a pump interval (pump only). */
    private boolean remeasure;
    /** How many operations may be in flight now: fewer than the threads while the machine's CPU is busy. */
    private final WorkerLimit limit;

    private volatile int allowed;
    private final com.sun.management.@Nullable OperatingSystemMXBean machine =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os
                    : null;

    private final AtomicLong recordingFailures = new AtomicLong();
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
        this.limit = new WorkerLimit(properties.workerThreads(), properties.cpuCeiling());
        this.allowed = limit.limit();
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
        urgent.add(community);
        wakeUp();
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
        share = properties.communities();
        measuredAt = System.nanoTime() - measureEvery();
        var threads = properties.workerThreads();
        var counter = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            var thread = new Thread(runnable, "sync-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
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
        try {
            served.values().stream().filter(s -> !s.lost).forEach(s -> leases.release(s.community, node));
            leases.leave(node);
        } catch (RuntimeException e) {
            log.warn("Could not give back the communities on shutdown; their leases expire instead: {}", e.toString());
        }
        served.clear();
        urgent.clear();
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
                pumpOnce(housekeeping);
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
     * One pass: on {@code housekeeping} (every pump interval) operations of vanished nodes return to the queue,
     * leases are renewed, this node's share of the work is measured and every served community is looked at again
     * (retries come due); then communities are given back or leased, and due operations claimed.
     */
    private void pumpOnce(boolean housekeeping) {
        var newWork = planned.getAndSet(false);
        if (housekeeping) {
            allowed = limit.adjust(machine == null ? -1 : machine.getCpuLoad(), inFlight.get());
            operations.releaseExpired();
            renewLeases();
        }
        // counting the communities with work probes the queue once per organization: not at every pass, but at
        // once when new work was planned, so that a community new to the queue finds room in this node's share
        remeasure |= newWork;
        var sinceMeasured = System.nanoTime() - measuredAt;
        if ((housekeeping && sinceMeasured >= measureEvery())
                || (remeasure && sinceMeasured >= properties.pumpInterval().toNanos())) {
            measureShare();
        }
        if (housekeeping || newWork) {
            served.values().forEach(s -> s.claimAgain.set(true));
        }
        var gaveBack = giveBack();
        if (housekeeping || newWork || gaveBack) {
            lease();
        }
        claim();
    }

    /** Notes that this node is alive; measures its share of the communities with work, and how many to give back. */
    private void measureShare() {
        measuredAt = System.nanoTime();
        remeasure = false;
        var demand = leases.heartbeat(node, properties.communityLease());
        share = demand.share(properties.communities());
        var serving = (int) served.values().stream().filter(s -> !s.retiring).count();
        toGiveBack = Math.max(0, serving - share) + (serving >= share ? demand.waiting() : 0);
    }

    /** A tenth of the lease, at least a pump interval: a node's heartbeat stays well within its lease. */
    private long measureEvery() {
        return Math.max(
                properties.pumpInterval().toNanos(), properties.communityLease().toNanos() / 10);
    }

    private void renewLeases() {
        if (served.isEmpty()) {
            return;
        }
        var held = new HashSet<>(leases.renew(served.keySet(), node, properties.communityLease()));
        served.values().forEach(s -> {
            if (!held.contains(s.community) && !s.lost) {
                s.lost = true;
                log.info("Community {} was taken over by another node; this node stops serving it", s.community);
            }
        });
    }

    /**
     * Gives back communities with nothing left to do, and, when other communities or nodes wait, those longest
     * served whose slice is over.
     */
    private boolean giveBack() {
        var now = System.nanoTime();
        var gaveBack = false;
        var longestServedFirst = new ArrayList<>(served.values());
        longestServedFirst.sort(Comparator.comparingLong(s -> s.sliceEnds));
        for (var s : longestServedFirst) {
            if (!s.lost && !s.retiring && now >= s.sliceEnds) {
                if (toGiveBack > 0) {
                    s.retiring = true;
                    toGiveBack--;
                } else {
                    // nobody waits for it: serve on
                    s.sliceEnds = now + properties.communitySlice().toNanos();
                }
            }
            var finished = s.lost || s.retiring || (s.idle && !s.claimAgain.get());
            if (finished && s.inFlight.get() == 0) {
                served.remove(s.community);
                urgent.remove(s.community);
                if (!s.lost) {
                    // the row keeps the release time, so communities waiting longer are served before this one
                    leases.release(s.community, node);
                }
                gaveBack = true;
            }
        }
        return gaveBack;
    }

    private void lease() {
        var free = share - served.size();
        var sliceEnds = System.nanoTime() + properties.communitySlice().toNanos();
        for (var community : leases.acquire(node, free, properties.communityLease())) {
            served.putIfAbsent(community, new Served(community, sliceEnds));
        }
    }

    /** A served community as the claiming pass found it. */
    private record Waiting(Served community, int inFlight, boolean urgent, long claimedAt) {}

    /**
     * The pump's claiming pass, least busy communities first. A community that has nothing in flight and finds no
     * free thread marks that it waits, so that the threads finishing operations leave their slot to it.
     */
    private void claim() {
        // sorted by a snapshot: workers change the counts meanwhile, and a comparator reading them live breaks the
        // sort's contract (IllegalArgumentException, the whole pass lost). Among communities with as many in flight,
        // one with work someone waits for goes first, then the one waiting longest for a claim: in the map's fixed
        // order, the same few took every thread that came free and a community behind them waited minutes
        // (docs/benchmarks.md, publish → link).
        var order = served.values().stream()
                .map(s -> new Waiting(s, s.inFlight.get(), urgent.contains(s.community), s.claimedAt))
                .sorted(Comparator.comparingInt(Waiting::inFlight)
                        .thenComparing(Waiting::urgent, Comparator.reverseOrder())
                        .thenComparingLong(Waiting::claimedAt))
                .map(Waiting::community)
                .toList();
        var starving = false;
        for (var s : order) {
            if (!claimFor(s) && s.inFlight.get() == 0 && s.claimAgain.get() && !s.lost && !s.retiring) {
                starving = true;
            }
        }
        waitingForThread = starving;
    }

    /**
     * Claims the community's due operations into its free slots and starts them; false if there was no thread
     * free for it. Called by the pump, and by a worker that finished one of the community's operations.
     */
    private boolean claimFor(Served s) {
        // no more in flight than there are threads (a claimed operation never waits in a queue), nor than the
        // machine's CPU allows now
        var threads = allowed - inFlight.get();
        var slots = Math.min(properties.communityConcurrency() - s.inFlight.get(), threads);
        if (s.lost || s.retiring || slots <= 0 || !s.claimAgain.getAndSet(false)) {
            return threads > 0;
        }
        var claimed = operations.claim(s.community, node, properties.operationLease(), slots);
        s.idle = claimed.isEmpty();
        if (!claimed.isEmpty()) {
            urgent.remove(s.community);
            s.claimedAt = System.nanoTime();
        }
        if (claimed.size() == slots) {
            s.claimAgain.set(true);
        }
        for (var operation : claimed) {
            s.inFlight.incrementAndGet();
            inFlight.incrementAndGet();
            pool.execute(() -> carryOut(s, operation));
        }
        return true;
    }

    private void carryOut(Served community, Operation operation) {
        try {
            Completion completion;
            try {
                completion = executor.execute(operation);
            } catch (RuntimeException e) {
                log.error("Operation {} {} failed unexpectedly", operation.id(), operation.kind(), e);
                completion = Completion.unexpected(e);
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
        } finally {
            community.claimAgain.set(true);
            community.inFlight.decrementAndGet();
            inFlight.decrementAndGet();
            // the next operation of the same community at once, without a round through the pump, unless another
            // community waits for a thread: then the pump hands the thread to it
            if (running && !waitingForThread) {
                try {
                    claimFor(community);
                } catch (RuntimeException e) {
                    // the pump claims on its next pass
                }
            }
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
