package ru.paragraf.sferum.sync.max;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How MAX updates reach the application (docs/operations.md, «MAX: обновления»).
 *
 * @param updates {@code long-poll} (the default: the embedded mode and small installs) or {@code webhook} (production:
 *     MAX posts each update to {@code inbox.webhook-base-url}); never both for one bot
 * @param inbox the inbox, the pollers and the dispatcher
 */
@Validated
@ConfigurationProperties("sferum.max")
record MaxInboxProperties(@DefaultValue("long-poll") Mode updates, @DefaultValue @Valid Inbox inbox) {

    MaxInboxProperties {
        if (updates == Mode.WEBHOOK
                && (inbox.webhookBaseUrl() == null || inbox.webhookBaseUrl().isBlank())) {
            throw new IllegalArgumentException(
                    "sferum.max.updates=webhook needs sferum.max.inbox.webhook-base-url: where MAX posts the updates");
        }
    }

    enum Mode {
        LONG_POLL,
        WEBHOOK
    }

    /**
     * @param enabled whether this node receives and handles updates at all (off only in tests that drive it)
     * @param webhookBaseUrl the application's public HTTPS address as MAX reaches it, e.g.
     *     {@code https://sferum.example.ru}; the bot's webhook is {@code <it>/api/max/updates/<bot user id>}; required
     *     in webhook mode
     * @param pollers threads that long-poll, shared by all bots this node holds
     * @param pollTimeout how long one {@code GET /updates} waits for an update while the node holds no more bots than
     *     pollers; with more, polls do not wait (0 s), so the pool goes round the bots
     * @param lease how long a node holds a bot after its last renewal; another node takes the bot over after that
     * @param leaseCheck how often the node looks for bots to take, renews its leases and checks subscriptions
     * @param botsPerNode the most bots one node holds
     * @param pollBackoff the pause of a bot after a failed poll
     * @param dispatchInterval how often the dispatcher looks for due updates besides being woken
     * @param maxAttempts attempts to handle an update before it is parked
     * @param backoff the wait after the first failed attempt; doubled per attempt, at most {@code maxBackoff}
     * @param maxBackoff the longest wait between attempts
     * @param keepHandled how long handled updates are kept (for dedupe: MAX repeats a webhook delivery for up to 8 h)
     */
    record Inbox(
            @DefaultValue("true") boolean enabled,
            @Nullable String webhookBaseUrl,
            @DefaultValue("4") @Positive int pollers,
            @DefaultValue("25s") Duration pollTimeout,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("2s") Duration leaseCheck,
            @DefaultValue("1000") @Positive int botsPerNode,
            @DefaultValue("5s") Duration pollBackoff,
            @DefaultValue("1s") Duration dispatchInterval,
            @DefaultValue("8") @Positive int maxAttempts,
            @DefaultValue("1s") Duration backoff,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("7d") Duration keepHandled) {

        Inbox {
            if (lease.compareTo(pollTimeout.plus(leaseCheck)) <= 0) {
                // a dead node's last poll must have ended at MAX before another node polls the bot
                throw new IllegalArgumentException(
                        "sferum.max.inbox.lease must be longer than poll-timeout + lease-check");
            }
        }
    }
}
