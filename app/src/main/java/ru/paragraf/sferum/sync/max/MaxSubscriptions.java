package ru.paragraf.sferum.sync.max;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.paragraf.sferum.linkbase.VerifiedBots;

/**
 * The webhook subscriptions of the bots (webhook mode): {@code POST /subscriptions} with the bot's URL and a generated
 * secret, of which only a SHA-256 hash is kept — the webhook compares the header with it and never needs the secret
 * back (a new subscription gets a new secret); and {@code DELETE /subscriptions} before a bot is long-polled again.
 * Only the node that holds the bot's lease does either.
 */
class MaxSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(MaxSubscriptions.class);
    private static final SecureRandom random = new SecureRandom();

    private final MaxFeeds feeds;
    private final VerifiedBots bots;
    private final MaxClient client;
    private final MaxInboxProperties properties;

    MaxSubscriptions(MaxFeeds feeds, VerifiedBots bots, MaxClient client, MaxInboxProperties properties) {
        this.feeds = feeds;
        this.bots = bots;
        this.client = client;
        this.properties = properties;
    }

    /** The URL MAX posts the bot's updates to. */
    String url(long botUserId) {
        var base = properties.inbox().webhookBaseUrl();
        if (base == null) {
            throw new IllegalStateException("sferum.max.inbox.webhook-base-url is required in webhook mode");
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + MaxWebhookApi.PATH + botUserId;
    }

    /** Subscribes the bot unless it is subscribed to its URL already; the caller holds its lease. */
    void subscribe(VerifiedBots.Bot bot, String node) {
        var feed = feeds.held(bot.botUserId(), node).orElse(null);
        var url = url(bot.botUserId());
        if (feed == null || url.equals(feed.webhookUrl())) {
            return;
        }
        var token = bots.token(bot).orElse(null);
        if (token == null) {
            return;
        }
        var secret = secret();
        var outcome = client.call(new MaxToken(token.value()), new MaxUpdates.Subscribe(url, secret, List.of()));
        if (outcome instanceof MaxOutcome.Ok<MaxResult>) {
            feeds.subscribed(bot.botUserId(), url, hash(secret));
            log.info("MAX updates: bot {} subscribed, MAX posts its updates to {}", bot.botUserId(), url);
        }
    }

    /** Deletes the bot's subscription; returns whether it is gone (or was not there). */
    boolean unsubscribe(long botUserId, MaxToken token, String url) {
        var outcome = client.call(token, new MaxUpdates.Unsubscribe(url));
        if (outcome instanceof MaxOutcome.Ok<MaxResult>
                || outcome instanceof MaxOutcome.Failed<MaxResult> failed
                        && failed.failure().kind() == MaxFailure.Kind.UNSUCCESSFUL) {
            feeds.unsubscribed(botUserId);
            log.info("MAX updates: bot {} unsubscribed from {}; it is long-polled from now on", botUserId, url);
            return true;
        }
        return false;
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
