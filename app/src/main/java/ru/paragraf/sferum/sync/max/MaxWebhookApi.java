package ru.paragraf.sferum.sync.max;

import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.linkbase.VerifiedBots;
import tools.jackson.core.JacksonException;

/**
 * The webhook MAX posts a subscribed bot's updates to (webhook mode): public, but only a request with the bot's
 * secret in {@code X-Max-Bot-Api-Secret} is taken — compared in constant time with the hash kept at subscription;
 * anything else is 401 and nothing is stored. The update is stored and committed before the 200, so that MAX
 * delivers it again if the answer is lost (the inbox ignores the repeat); it is handled later by the dispatcher.
 *
 * <p>A bot that is no longer its school's (replaced by another bot, removed, the school back on VK) keeps its
 * subscription at MAX: its token is gone, so nobody here can delete it. Its updates are answered 200 and dropped, not
 * stored — nothing may act on them for the school, and a refusal would only make MAX retry each for hours — and the log
 * says, once an hour per bot, that its subscription is to be deleted with its token (docs/operations.md).
 */
@RestController
class MaxWebhookApi {

    static final String PATH = "/api/max/updates/";
    static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** Compared with when the bot has no subscription, so that an unknown bot takes as long as a wrong secret. */
    private static final byte[] NO_HASH = new byte[32];

    private static final Logger log = LoggerFactory.getLogger(MaxWebhookApi.class);
    private static final Duration WARN_EVERY = Duration.ofHours(1);

    private final MaxFeeds feeds;
    private final MaxIntake intake;
    private final VerifiedBots bots;
    private final MessageSource messages;
    private final Clock clock;
    /** When the log last said that a former bot's update was dropped, per bot. */
    private final Map<Long, Instant> warned = new ConcurrentHashMap<>();

    MaxWebhookApi(MaxFeeds feeds, MaxIntake intake, VerifiedBots bots, MessageSource messages, Clock clock) {
        this.feeds = feeds;
        this.intake = intake;
        this.bots = bots;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(path = PATH + "{bot}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(
            @PathVariable String bot,
            @RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
            @RequestBody(required = false) @Nullable String body) {
        if (secret == null || secret.isEmpty()) {
            return refused("max.webhook.noSecret", "NO_SECRET");
        }
        var botUserId = botUserId(bot);
        var subscription =
                botUserId == null ? null : feeds.subscription(botUserId).orElse(null);
        var matches = MessageDigest.isEqual(
                MaxSubscriptions.hash(secret), subscription == null ? NO_HASH : subscription.secretHash());
        if (!matches || subscription == null || botUserId == null) {
            return refused("max.webhook.wrongSecret", "WRONG_SECRET");
        }
        if (!bots.isBotOf(subscription.organization(), botUserId)) {
            dropped(botUserId, subscription);
            return ResponseEntity.ok().build();
        }
        try {
            var update = MaxTransport.JSON.readTree(body == null ? "" : body);
            if (update == null
                    || !update.isObject()
                    || !update.path("update_type").isString()) {
                return notAnUpdate();
            }
            intake.delivered(botUserId, subscription.organization(), update);
        } catch (JacksonException malformed) {
            return notAnUpdate();
        }
        return ResponseEntity.ok().build();
    }

    private void dropped(long botUserId, MaxFeeds.Subscription subscription) {
        var now = clock.instant();
        var last = warned.get(botUserId);
        if (last == null || last.plus(WARN_EVERY).isBefore(now)) {
            warned.put(botUserId, now);
            log.warn(
                    "MAX updates: bot {} is no longer the bot of organization {}, yet MAX still posts its updates here;"
                            + " they are dropped. Delete its subscription with its token (docs/operations.md, \"A former"
                            + " bot\")",
                    botUserId,
                    subscription.organization());
        }
    }

    private static @Nullable Long botUserId(String bot) {
        try {
            return Long.parseLong(bot);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ResponseEntity<ProblemDetail> refused(String key, String reason) {
        var problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, messages.getMessage(key, null, RUSSIAN));
        problem.setType(URI.create("urn:sferum:problem:max-webhook-secret"));
        problem.setProperty("reason", reason);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    private ResponseEntity<ProblemDetail> notAnUpdate() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("max.webhook.notAnUpdate", null, RUSSIAN));
        problem.setType(URI.create("urn:sferum:problem:max-webhook-update"));
        return ResponseEntity.badRequest().body(problem);
    }
}
