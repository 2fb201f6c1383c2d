package ru.paragraf.sferum.sync.max;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the bot hears of chats and people: the long poll {@code GET /updates} and webhook {@code /subscriptions}
 * (max-protocol.md §5; never both for one bot).
 */
public final class MaxUpdates {

    private MaxUpdates() {}

    /**
     * {@code GET /updates?marker=&timeout=&limit=&types=}: waits up to {@code timeout} (0–90 s) for updates from
     * {@code marker} on; the answer's marker acknowledges every update before it. Safe to repeat with the same marker.
     */
    public record Poll(@Nullable Long marker, Duration timeout, int limit, List<String> types)
            implements MaxRequest<Batch> {

        public Poll {
            if (timeout.isNegative() || timeout.compareTo(Duration.ofSeconds(90)) > 0) {
                throw new IllegalArgumentException("timeout must be 0 to 90 s");
            }
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("limit must be 1 to 1000");
            }
            types = List.copyOf(types);
        }

        public static Poll from(@Nullable Long marker, Duration timeout) {
            return new Poll(marker, timeout, 100, List.of());
        }

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/updates";
        }

        @Override
        public String path() {
            return "/updates";
        }

        @Override
        public Map<String, String> query() {
            var query = new LinkedHashMap<String, String>();
            if (marker != null) {
                query.put("marker", marker.toString());
            }
            query.put("timeout", Long.toString(timeout.toSeconds()));
            query.put("limit", Integer.toString(limit));
            if (!types.isEmpty()) {
                query.put("types", String.join(",", types));
            }
            return query;
        }

        @Override
        public Class<Batch> responseType() {
            return Batch.class;
        }

        @Override
        public Duration heldFor() {
            return timeout;
        }
    }

    /**
     * One update ([SCH] {@code Update}); which fields are set depends on {@code updateType}: {@code bot_added},
     * {@code user_added}, {@code user_removed} ({@code chatId}, {@code user}, {@code inviterId}/{@code adminId}),
     * {@code bot_started} ({@code chatId}, {@code user}, {@code payload}), {@code message_created}
     * ({@code message}), {@code chat_title_changed} ({@code title}).
     */
    public record Update(
            String updateType,
            long timestamp,
            @Nullable Long chatId,
            @Nullable MaxUser user,
            @Nullable Long inviterId,
            @Nullable Long adminId,
            @Nullable String payload,
            @Nullable String title,
            MaxMessages.@Nullable Message message) {}

    /** The updates and the marker to ask with next. */
    public record Batch(List<Update> updates, @Nullable Long marker) {

        public Batch {
            updates = updates == null ? List.of() : List.copyOf(updates);
        }
    }

    /**
     * {@code POST /subscriptions}: deliver updates to {@code url} (HTTPS on port 443 in production), with {@code secret}
     * (5–256 of {@code [A-Za-z0-9_-]}) in the {@code X-Max-Bot-Api-Secret} header. A new one replaces the old.
     */
    public record Subscribe(String url, String secret, List<String> updateTypes) implements MaxRequest<MaxResult> {

        record Body(String url, String secret, @Nullable List<String> updateTypes) {}

        public Subscribe {
            updateTypes = List.copyOf(updateTypes);
        }

        @Override
        public String verb() {
            return "POST";
        }

        @Override
        public String template() {
            return "/subscriptions";
        }

        @Override
        public String path() {
            return "/subscriptions";
        }

        @Override
        public Object body() {
            return new Body(url, secret, updateTypes.isEmpty() ? null : updateTypes);
        }

        @Override
        public Class<MaxResult> responseType() {
            return MaxResult.class;
        }

        @Override
        public String toString() {
            return "Subscribe[url=" + url + ", secret=****, updateTypes=" + updateTypes + "]";
        }
    }

    /** {@code GET /subscriptions}. */
    public record Subscriptions() implements MaxRequest<SubscriptionList> {

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/subscriptions";
        }

        @Override
        public String path() {
            return "/subscriptions";
        }

        @Override
        public Class<SubscriptionList> responseType() {
            return SubscriptionList.class;
        }
    }

    /** {@code DELETE /subscriptions?url=}: MAX answers {@code success: false} when there is none for the url. */
    public record Unsubscribe(String url) implements MaxRequest<MaxResult> {

        @Override
        public String verb() {
            return "DELETE";
        }

        @Override
        public String template() {
            return "/subscriptions";
        }

        @Override
        public String path() {
            return "/subscriptions";
        }

        @Override
        public Map<String, String> query() {
            return Map.of("url", url);
        }

        @Override
        public Class<MaxResult> responseType() {
            return MaxResult.class;
        }
    }

    public record Subscription(String url, long time, @Nullable List<String> updateTypes) {}

    public record SubscriptionList(List<Subscription> subscriptions) {

        public SubscriptionList {
            subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        }
    }
}
