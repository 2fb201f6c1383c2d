package ru.paragraf.maxemulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Delivers each bot's updates to its webhook, one at a time and in order: {@code POST <url>} with the update as JSON
 * and the header {@code X-Max-Bot-Api-Secret: <secret>}. A reply other than 200 (or none) is a failure, retried after
 * the configured delays; after the last one the update is given up and the next one goes ([SCH] 0.0.33: retried for up
 * to 8 h). A delivered (or given-up) update is acknowledged: long polling never returns it.
 */
final class Webhooks {

    static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";

    private final World world;
    private final ScheduledExecutorService timer;
    private final List<Duration> retryDelays;
    private final Duration timeout;
    private final HttpClient client;
    private final Set<Long> busy = new HashSet<>();
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final Stats stats;

    Webhooks(World world, ScheduledExecutorService timer, EmulatorConfig config, Stats stats) {
        this.world = world;
        this.timer = timer;
        this.retryDelays = config.webhookRetryDelays();
        this.timeout = config.webhookTimeout();
        this.stats = stats;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** A bot has a new update: start its delivery unless one is under way. */
    void kick(long botId) {
        synchronized (busy) {
            if (!busy.add(botId)) {
                return;
            }
        }
        timer.execute(() -> deliverNext(botId));
    }

    /** Starts the delivery of every bot with a webhook and pending updates (after a restart). */
    void kickAll() {
        List<Long> bots;
        synchronized (world) {
            bots = List.copyOf(world.data.feeds.keySet());
        }
        bots.forEach(this::kick);
    }

    private void deliverNext(long botId) {
        var pending = next(botId);
        if (pending == null) {
            synchronized (busy) {
                busy.remove(botId);
            }
            if (next(botId) != null) {
                kick(botId); // an update came in between
            }
            return;
        }
        boolean delivered = post(pending);
        stats.webhook(delivered);
        int failed = delivered ? 0 : failures.merge(botId, 1, Integer::sum);
        if (delivered || failed > retryDelays.size()) {
            failures.remove(botId);
            acknowledge(botId, pending.seq);
            timer.execute(() -> deliverNext(botId));
        } else {
            timer.schedule(() -> deliverNext(botId), retryDelays.get(failed - 1).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private record Pending(long seq, String url, @Nullable String secret, byte[] body) {}

    private @Nullable Pending next(long botId) {
        synchronized (world) {
            var feed = world.feed(botId);
            var subscription = feed.subscription;
            if (subscription == null) {
                return null;
            }
            for (var entry : feed.entries) {
                if (entry.seq < feed.webhookNext) {
                    continue;
                }
                if (!subscription.updateTypes.isEmpty() && !subscription.updateTypes.contains(entry.type)) {
                    continue;
                }
                return new Pending(entry.seq, subscription.url, subscription.secret, Json.bytes(entry.update));
            }
            return null;
        }
    }

    private boolean post(Pending pending) {
        try {
            var request = HttpRequest.newBuilder(URI.create(pending.url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pending.body));
            if (pending.secret != null) {
                request.header(SECRET_HEADER, pending.secret);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception unreachable) {
            return false;
        }
    }

    private void acknowledge(long botId, long seq) {
        synchronized (world) {
            var feed = world.feed(botId);
            feed.webhookNext = Math.max(feed.webhookNext, seq + 1);
            feed.acknowledged = Math.max(feed.acknowledged, seq + 1);
            world.trim(feed);
            world.changed();
        }
    }
}
