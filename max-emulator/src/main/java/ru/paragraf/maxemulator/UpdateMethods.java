package ru.paragraf.maxemulator;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /updates} (long-poll with a marker) and {@code /subscriptions} (webhooks), [SCH] 0.0.33. */
final class UpdateMethods {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{5,256}");

    private final World world;
    private final boolean refusedWithWebhook;

    UpdateMethods(World world, boolean refusedWithWebhook) {
        this.world = world;
        this.refusedWithWebhook = refusedWithWebhook;
    }

    /**
     * Updates from {@code marker} on (without one: from the first not acknowledged), waiting up to {@code timeout}
     * seconds for one. A marker acknowledges every update below it: those are never returned again.
     */
    ObjectNode poll(Call call) throws InterruptedException {
        var limit = call.intParam("limit", 1, 1000, 100);
        var timeout = call.intParam("timeout", 0, 90, 30);
        var marker = call.longParam("marker");
        var types = types(call.param("types"));
        var deadline = System.nanoTime() + timeout * 1_000_000_000L;
        synchronized (world) {
            var feed = world.feed(call.bot().userId);
            if (refusedWithWebhook && feed.subscription != null) {
                throw new ApiException(
                        400,
                        "webhook.subscribed",
                        "Long polling is not available while a webhook subscription is set: delete it first");
            }
            long from = Math.min(marker == null ? feed.acknowledged : marker, feed.nextSeq);
            if (from > feed.acknowledged) {
                feed.acknowledged = from;
                world.trim(feed);
                world.changed();
            }
            from = Math.max(from, feed.acknowledged);
            var found = world.pending(feed, from, types, limit);
            while (found.isEmpty()) {
                long waitMillis = (deadline - System.nanoTime()) / 1_000_000L;
                if (waitMillis <= 0) {
                    break;
                }
                world.wait(waitMillis);
                feed = world.feed(call.bot().userId);
                from = Math.max(from, feed.acknowledged);
                found = world.pending(feed, from, types, limit);
            }
            var answer = Json.object();
            var updates = answer.putArray("updates");
            found.forEach(entry -> updates.add(entry.update));
            return answer.put("marker", found.isEmpty() ? feed.nextSeq : found.get(found.size() - 1).seq + 1);
        }
    }

    ObjectNode subscriptions(Call call) {
        synchronized (world) {
            var answer = Json.object();
            var list = answer.putArray("subscriptions");
            var subscription = world.feed(call.bot().userId).subscription;
            if (subscription != null) {
                var node = list.addObject().put("url", subscription.url).put("time", subscription.time);
                var types = node.putArray("update_types");
                subscription.updateTypes.forEach(types::add);
            }
            return answer;
        }
    }

    /** {@code POST /subscriptions}: one webhook per bot; a new one replaces the old. Updates from now on go to it. */
    ObjectNode subscribe(Call call) {
        var body = call.body();
        var url = body.path("url").asString("");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw ApiException.badRequest("url must be an http(s) URL");
        }
        var secret = body.path("secret").isString() ? body.path("secret").asString() : null;
        if (secret != null && !SECRET.matcher(secret).matches()) {
            throw ApiException.badRequest("secret must be 5 to 256 characters of A-Z, a-z, 0-9, _ and -");
        }
        synchronized (world) {
            var feed = world.feed(call.bot().userId);
            var subscription = new WorldData.Subscription();
            subscription.url = url;
            subscription.secret = secret;
            body.path("update_types").forEach(type -> subscription.updateTypes.add(type.asString()));
            subscription.time = world.now();
            if (feed.subscription == null) {
                feed.webhookNext = feed.nextSeq;
            }
            feed.subscription = subscription;
            world.changed();
            return Views.success();
        }
    }

    ObjectNode unsubscribe(Call call) {
        var url = call.requiredParam("url");
        synchronized (world) {
            var feed = world.feed(call.bot().userId);
            if (feed.subscription == null || !feed.subscription.url.equals(url)) {
                return Views.success().put("success", false).put("message", "No subscription for " + url);
            }
            feed.subscription = null;
            world.trim(feed);
            world.changed();
            return Views.success();
        }
    }

    private static Set<String> types(@Nullable String commaJoined) {
        var result = new LinkedHashSet<String>();
        if (commaJoined != null) {
            for (var type : commaJoined.split(",")) {
                if (!type.isBlank()) {
                    result.add(type.strip());
                }
            }
        }
        return result;
    }
}
