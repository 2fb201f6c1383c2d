package ru.paragraf.sferum.sync.max;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Stores what MAX delivered before anything acts on it, then wakes the dispatcher: a long-poll batch together with its
 * new marker in one transaction (so a crash between the two re-reads the batch, whose updates the inbox then ignores),
 * or one webhook delivery, committed before the webhook answers 200.
 */
class MaxIntake {

    private final MaxInbox inbox;
    private final MaxFeeds feeds;
    private final TransactionTemplate transactions;
    private final MaxDispatcher dispatcher;
    private final MaxInboxMetrics metrics;

    MaxIntake(
            MaxInbox inbox,
            MaxFeeds feeds,
            TransactionTemplate transactions,
            MaxDispatcher dispatcher,
            MaxInboxMetrics metrics) {
        this.inbox = inbox;
        this.feeds = feeds;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    /**
     * Stores a long-poll batch and its marker if this node still holds the bot; returns false (nothing stored) if it
     * lost the lease meanwhile: the new holder reads the batch again.
     */
    boolean polled(MaxFeeds.Feed feed, String node, List<JsonNode> updates, @Nullable Long marker) {
        var received = updates.stream().map(MaxInbox.Received::of).toList();
        var stored = transactions.execute(status -> {
            var count = inbox.store(feed.botUserId(), feed.organization(), received, MaxInbox.Via.LONG_POLL);
            if (!feeds.saveMarker(feed.botUserId(), node, marker)) {
                status.setRollbackOnly();
                return -1;
            }
            return count;
        });
        if (stored == null || stored < 0) {
            return false;
        }
        metrics.stored(MaxInbox.Via.LONG_POLL, stored);
        if (stored > 0) {
            dispatcher.wake();
        }
        return true;
    }

    /** Stores one webhook delivery (a repeated one is ignored); committed when this returns. */
    void delivered(long botUserId, UUID organization, JsonNode update) {
        var received = MaxInbox.Received.of(update);
        var stored = transactions.execute(
                status -> inbox.store(botUserId, organization, List.of(received), MaxInbox.Via.WEBHOOK));
        if (stored != null && stored > 0) {
            metrics.stored(MaxInbox.Via.WEBHOOK, stored);
            dispatcher.wake();
        }
    }
}
