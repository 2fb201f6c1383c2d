package ru.paragraf.sferum.sync.max;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands each stored update to every {@link MaxUpdateHandler}, in the order MAX gave a bot's updates, in one transaction
 * that also marks it handled. A failed attempt is retried after a growing backoff; the bot's later updates wait behind
 * it. After {@code max-attempts} the update is parked — logged (its id, bot and type, never its content) and counted —
 * and the bot's queue moves on; an operator re-queues it (docs/operations.md). Woken by the pollers and the webhook,
 * and looks every {@code dispatch-interval} besides.
 */
class MaxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MaxDispatcher.class);
    private static final int BOTS_PER_ROUND = 100;
    private static final int UPDATES_PER_BOT = 100;

    private final MaxInbox inbox;
    private final List<MaxUpdateHandler> handlers;
    private final TransactionTemplate transactions;
    private final MaxInboxProperties.Inbox properties;
    private final MaxInboxMetrics metrics;
    private final Clock clock;
    private final Object wakeUp = new Object();
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private OffsetDateTime lastForget = OffsetDateTime.MIN;

    MaxDispatcher(
            MaxInbox inbox,
            List<MaxUpdateHandler> handlers,
            TransactionTemplate transactions,
            MaxInboxProperties properties,
            MaxInboxMetrics metrics,
            Clock clock) {
        this.inbox = inbox;
        this.handlers = List.copyOf(handlers);
        this.transactions = transactions;
        this.properties = properties.inbox();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** New updates were stored: handle them now rather than at the next look. */
    void wake() {
        woken.set(true);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var named = new Thread(runnable, "max-updates-dispatcher");
            named.setDaemon(true);
            return named;
        });
        thread.execute(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            woken.set(false);
            try {
                round();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("MAX updates: a round of the dispatcher failed, next in {}", properties.dispatchInterval(), e);
            }
            synchronized (wakeUp) {
                if (running && !woken.get()) {
                    try {
                        wakeUp.wait(Math.max(1, properties.dispatchInterval().toMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Handles what is due now; for tests, also called directly. */
    void round() {
        for (var bot : inbox.botsWithDueUpdates(BOTS_PER_ROUND)) {
            for (var n = 0; n < UPDATES_PER_BOT && running && dispatchNext(bot); n++) {
                // the bot's next update
            }
        }
        var oldest = inbox.oldestWaiting();
        metrics.lag(
                oldest == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(oldest, OffsetDateTime.now(clock))
                                        .toSeconds()));
        var now = OffsetDateTime.now(clock);
        if (lastForget.isBefore(now.minusHours(1))) {
            lastForget = now;
            var forgotten = inbox.forgetHandled(properties.keepHandled());
            if (forgotten > 0) {
                log.info(
                        "MAX updates: {} handled update(s) older than {} forgotten",
                        forgotten,
                        properties.keepHandled());
            }
        }
    }

    /** Handles the bot's first due update; returns whether there was one (and so maybe another after it). */
    private boolean dispatchNext(long bot) {
        var attempted = new MaxInbox.Pending[1];
        try {
            var handled = Boolean.TRUE.equals(transactions.execute(status -> {
                var pending = inbox.firstDue(bot);
                if (pending.isEmpty()) {
                    return false;
                }
                attempted[0] = pending.get();
                var update = MaxTransport.JSON.readValue(pending.get().json(), MaxUpdates.Update.class);
                var botUpdate =
                        new MaxBotUpdate(pending.get().id(), pending.get().organization(), bot, update);
                for (var handler : handlers) {
                    handler.handle(botUpdate);
                }
                inbox.handled(pending.get().id());
                return true;
            }));
            if (handled) {
                metrics.handled();
            }
            return handled;
        } catch (RuntimeException e) {
            if (attempted[0] == null) {
                throw e;
            }
            failed(attempted[0], e);
            return false;
        }
    }

    private void failed(MaxInbox.Pending pending, RuntimeException e) {
        var attempt = pending.attempts() + 1;
        var park = attempt >= properties.maxAttempts();
        var grown = properties.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        var backoff = grown.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : grown;
        var error = e.getClass().getSimpleName() + ": " + e.getMessage();
        transactions.executeWithoutResult(status ->
                inbox.failed(pending.id(), error, OffsetDateTime.now(clock).plus(backoff), park));
        metrics.failed();
        if (park) {
            metrics.parked();
            log.error(
                    "MAX update {} of bot {} parked after {} failed attempts; the last: {}. Re-queue it as docs/operations.md"
                            + " says (a parked update)",
                    pending.id(),
                    pending.botUserId(),
                    attempt,
                    e.getClass().getName());
        } else {
            log.warn(
                    "MAX update {} of bot {}: attempt {} failed ({}), next in {}",
                    pending.id(),
                    pending.botUserId(),
                    attempt,
                    e.getClass().getName(),
                    backoff);
        }
    }
}
