package ru.paragraf.sferum.sync.max;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import ru.paragraf.sferum.linkbase.VerifiedBots;

/**
 * Receives the updates of every verified MAX bot this node holds (docs/architecture.md, «MAX updates: inbox, lease,
 * webhook»). Every {@code lease-check} one thread notes the node alive ({@code sync.max_node}), renews its leases,
 * takes bots nobody holds (an expired lease included: its node died) up to its share — the verified bots divided among
 * the live nodes, at most {@code bots-per-node} — and gives up those no longer verified and those beyond the share
 * (a node joined), so the bots spread evenly over the nodes. In long-poll mode a
 * small pool of {@code pollers} threads serves the held bots in turn: a poll waits up to {@code poll-timeout} for an
 * update while the node holds no more bots than threads, and not at all beyond that (then a bot polled empty rests a
 * second), so a thousand bots need four threads, not a thousand. In webhook mode the holder subscribes the bot and
 * never polls it; back in long-poll mode it unsubscribes it before the first poll. On stop the leases are given back,
 * so that another node takes the bots over as soon as the polls cut short have ended at MAX too (after
 * {@code poll-timeout}, not after the whole {@code lease}): one long poll per bot at a time, even then.
 */
class MaxPollers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MaxPollers.class);
    /** The pause of a bot polled empty without waiting, while the node holds more bots than pollers. */
    private static final Duration IDLE_PAUSE = Duration.ofSeconds(1);

    private final VerifiedBots bots;
    private final MaxFeeds feeds;
    private final MaxIntake intake;
    private final MaxSubscriptions subscriptions;
    private final MaxClient client;
    private final MaxInboxProperties properties;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "-max-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private volatile boolean running;
    private ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ExecutorService pollers = Executors.newSingleThreadExecutor();

    /** A bot this node holds. */
    private static final class Held {
        final VerifiedBots.Bot bot;
        final AtomicBoolean busy = new AtomicBoolean();

        Held(VerifiedBots.Bot bot) {
            this.bot = bot;
        }
    }

    MaxPollers(
            VerifiedBots bots,
            MaxFeeds feeds,
            MaxIntake intake,
            MaxSubscriptions subscriptions,
            MaxClient client,
            MaxInboxProperties properties) {
        this.bots = bots;
        this.feeds = feeds;
        this.intake = intake;
        this.subscriptions = subscriptions;
        this.client = client;
        this.properties = properties;
    }

    /** The name this node holds bot leases under. */
    String node() {
        return node;
    }

    @Override
    public void start() {
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(threads("max-updates-leases"));
        pollers = Executors.newFixedThreadPool(properties.inbox().pollers(), threads("max-updates-poller"));
        scheduler.scheduleWithFixedDelay(
                this::tick, 0, properties.inbox().leaseCheck().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        pollers.shutdownNow();
        try {
            pollers.awaitTermination(10, TimeUnit.SECONDS);
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // a poll cut short here is still held by MAX until its timeout: the next holder starts after it, not beside
            // it
            var heldOn = properties.updates() == MaxInboxProperties.Mode.LONG_POLL
                    ? properties.inbox().pollTimeout().plusSeconds(1)
                    : Duration.ZERO;
            feeds.release(held.keySet(), node, heldOn);
            feeds.leave(node);
        } catch (RuntimeException e) {
            log.warn("MAX updates: the bot leases could not be given back; they expire in {}", lease(), e);
        }
        held.clear();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.inbox().enabled();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void tick() {
        try {
            var nodes = feeds.heartbeat(node, lease());
            var all = bots.all();
            var share = share(all.size(), nodes);
            var verified = new HashSet<Long>();
            var renewed = new HashSet<>(feeds.renew(held.keySet(), node, lease()));
            for (var bot : all) {
                verified.add(bot.botUserId());
                if (!renewed.contains(bot.botUserId())) {
                    // an entry kept while its lease is taken again keeps its busy flag: never two polls of a bot here
                    var room = held.containsKey(bot.botUserId()) || held.size() < share;
                    if (room && feeds.acquire(bot.botUserId(), bot.organization(), node, lease())) {
                        if (held.putIfAbsent(bot.botUserId(), new Held(bot)) == null) {
                            log.info(
                                    "MAX updates: this node ({}) now receives the updates of bot {}",
                                    node,
                                    bot.botUserId());
                        }
                    } else {
                        held.remove(bot.botUserId());
                    }
                }
            }
            // the bots no longer verified, and (a node joined) those beyond this node's share, the highest ids first
            var kept = held.keySet().stream()
                    .filter(verified::contains)
                    .sorted(Comparator.reverseOrder())
                    .toList();
            var giveBack = new ArrayList<Long>(held.keySet());
            giveBack.removeAll(kept);
            giveBack.addAll(kept.subList(0, Math.max(0, kept.size() - share)));
            if (!giveBack.isEmpty()) {
                giveBack.forEach(held::remove);
                // a poll of a bot given back may still be running at MAX: the next holder starts after it
                feeds.release(giveBack, node, properties.inbox().pollTimeout().plusSeconds(1));
            }
            for (var entry : held.values()) {
                if (properties.updates() == MaxInboxProperties.Mode.WEBHOOK) {
                    subscriptions.subscribe(entry.bot, node);
                } else {
                    submit(entry);
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                log.warn(
                        "MAX updates: a lease check failed; next in {}",
                        properties.inbox().leaseCheck(),
                        e);
            }
        }
    }

    /** This node's share of the verified bots: divided among the live nodes, within {@code bots-per-node}. */
    private int share(int verifiedBots, int nodes) {
        return Math.min(properties.inbox().botsPerNode(), (verifiedBots + nodes - 1) / nodes);
    }

    private void submit(Held entry) {
        if (running && held.get(entry.bot.botUserId()) == entry && entry.busy.compareAndSet(false, true)) {
            try {
                pollers.execute(() -> poll(entry));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                entry.busy.set(false);
            }
        }
    }

    private void poll(Held entry) {
        Duration next = Duration.ZERO;
        try {
            next = pollOnce(entry);
        } catch (RuntimeException e) {
            if (running) {
                log.warn("MAX updates: a poll of bot {} failed", entry.bot.botUserId(), e);
            }
            next = properties.inbox().pollBackoff();
        } finally {
            entry.busy.set(false);
        }
        if (running) {
            if (next.isZero()) {
                submit(entry);
            } else {
                try {
                    scheduler.schedule(() -> submit(entry), next.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // stopping
                }
            }
        }
    }

    /** One poll; returns how long the bot rests before the next one. */
    private Duration pollOnce(Held entry) {
        var bot = entry.bot;
        var feed = feeds.held(bot.botUserId(), node).orElse(null);
        var token = bots.token(bot).orElse(null);
        if (feed == null || token == null) {
            held.remove(bot.botUserId(), entry);
            return Duration.ZERO;
        }
        var maxToken = new MaxToken(token.value());
        if (feed.webhookUrl() != null && !subscriptions.unsubscribe(bot.botUserId(), maxToken, feed.webhookUrl())) {
            return properties.inbox().pollBackoff();
        }
        var waits = held.size() <= properties.inbox().pollers();
        var timeout = waits ? properties.inbox().pollTimeout() : Duration.ZERO;
        var outcome = client.call(maxToken, new MaxRawPoll(MaxUpdates.Poll.from(feed.marker(), timeout)));
        if (outcome instanceof MaxOutcome.Ok<MaxRawPoll.Batch> ok) {
            if (!running) {
                return Duration.ZERO; // stopping: what was not stored is read again by the next holder
            }
            if (!intake.polled(feed, node, ok.value().updates(), ok.value().marker())) {
                log.info("MAX updates: this node ({}) lost bot {} to another node", node, bot.botUserId());
                held.remove(bot.botUserId(), entry);
                return Duration.ZERO;
            }
            return ok.value().updates().isEmpty() && !waits ? IDLE_PAUSE : Duration.ZERO;
        }
        return properties.inbox().pollBackoff();
    }

    private Duration lease() {
        return properties.inbox().lease();
    }

    private static ThreadFactory threads(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
