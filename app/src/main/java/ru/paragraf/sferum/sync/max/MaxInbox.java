package ru.paragraf.sferum.sync.max;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The inbox of MAX updates ({@code sync.max_update}): stored once each, handled in order per bot. */
@Repository
class MaxInbox {

    enum Via {
        LONG_POLL,
        WEBHOOK
    }

    /**
     * An update as received: its JSON, its type and dedupe key. One that cannot be read as a {@link MaxUpdates.Update}
     * is stored still (keyed by a hash of its JSON): its handling fails and it is parked, visibly, not lost.
     */
    record Received(String json, String type, String key) {

        static Received of(JsonNode node) {
            var json = MaxTransport.JSON.writeValueAsString(node);
            try {
                var update = MaxTransport.JSON.treeToValue(node, MaxUpdates.Update.class);
                if (update.updateType() != null) {
                    return new Received(json, update.updateType(), MaxUpdateKey.of(update));
                }
            } catch (RuntimeException unreadable) {
                // kept below
            }
            var type = node.path("update_type").isString()
                    ? node.path("update_type").asString()
                    : "unknown";
            return new Received(json, type.length() > 100 ? "unknown" : type, "unreadable:" + MaxUpdateKey.hash(json));
        }
    }

    /** A stored, unhandled update with what its handling needs. */
    record Pending(long id, UUID organization, long botUserId, String json, int attempts) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    MaxInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the updates not stored yet, in order; returns how many were new. Call inside a transaction. */
    int store(long botUserId, UUID organization, List<Received> updates, Via via) {
        var now = OffsetDateTime.now(clock);
        var stored = 0;
        for (var received : updates) {
            stored += jdbc.sql(
                            """
                            insert into sync.max_update (bot_user_id, organization_id, dedupe_key, update_type, body,
                                                         via, received_at, next_attempt_at)
                            values (:bot, :organization, :key, :type, cast(:body as json), :via, :now, :now)
                            on conflict on constraint max_update_once do nothing""")
                    .param("bot", botUserId)
                    .param("organization", organization)
                    .param("key", received.key())
                    .param("type", received.type())
                    .param("body", received.json())
                    .param("via", via.name())
                    .param("now", now)
                    .update();
        }
        return stored;
    }

    /** Bots with an update due now, the longest waiting first. */
    List<Long> botsWithDueUpdates(int limit) {
        return jdbc.sql(
                        """
                        select bot_user_id from sync.max_update
                        where handled_at is null and parked_at is null
                        group by bot_user_id
                        having min(next_attempt_at) <= :now
                        order by min(id)
                        limit :limit""")
                .param("now", OffsetDateTime.now(clock))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes the bot for this transaction (one dispatcher per bot across nodes, so its updates stay in order) and
     * returns its first unhandled, unparked update if that is due; empty if another node has the bot or the first
     * update waits for its next attempt (the later ones wait behind it).
     */
    Optional<Pending> firstDue(long botUserId) {
        var mine = jdbc.sql("select pg_try_advisory_xact_lock(:space, hashtext(cast(:bot as text)))")
                .param("space", ADVISORY_SPACE)
                .param("bot", botUserId)
                .query(Boolean.class)
                .single();
        if (!mine) {
            return Optional.empty();
        }
        return jdbc.sql(
                        """
                        select id, organization_id, bot_user_id, cast(body as text) as body, attempts, next_attempt_at
                        from sync.max_update
                        where bot_user_id = :bot and handled_at is null and parked_at is null
                        order by id limit 1""")
                .param("bot", botUserId)
                .query((rs, row) ->
                        rs.getObject("next_attempt_at", OffsetDateTime.class).isAfter(OffsetDateTime.now(clock))
                                ? null
                                : new Pending(
                                        rs.getLong("id"),
                                        rs.getObject("organization_id", UUID.class),
                                        rs.getLong("bot_user_id"),
                                        rs.getString("body"),
                                        rs.getInt("attempts")))
                .optional();
    }

    /** The advisory-lock space of the dispatcher's per-bot lock ({@code 'MAXU'}). */
    static final int ADVISORY_SPACE = 0x4d415855;

    void handled(long id) {
        jdbc.sql("update sync.max_update set handled_at = :now, attempts = attempts + 1 where id = :id")
                .param("now", OffsetDateTime.now(clock))
                .param("id", id)
                .update();
    }

    /** Records a failed attempt: retried at {@code next}, or parked when {@code park}. */
    void failed(long id, String error, OffsetDateTime next, boolean park) {
        jdbc.sql(
                        """
                        update sync.max_update
                        set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                            parked_at = case when :park then :now end
                        where id = :id and handled_at is null""")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("next", next)
                .param("park", park)
                .param("now", OffsetDateTime.now(clock))
                .param("id", id)
                .update();
    }

    /** The receipt time of the oldest unhandled, unparked update, if any. */
    @Nullable
    OffsetDateTime oldestWaiting() {
        return jdbc.sql("select min(received_at) from sync.max_update where handled_at is null and parked_at is null")
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
    }

    /** Forgets handled updates older than {@code keep}; returns how many. */
    int forgetHandled(Duration keep) {
        return jdbc.sql("delete from sync.max_update where handled_at < :before")
                .param("before", OffsetDateTime.now(clock).minus(keep))
                .update();
    }
}
