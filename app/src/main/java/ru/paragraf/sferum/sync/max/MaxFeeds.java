package ru.paragraf.sferum.sync.max;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per bot how its updates come in ({@code sync.max_bot_feed}): the long poll's marker and the lease of the one node
 * that serves the bot, as {@code CommunityLeases} does for VK communities (one holder; an expired lease is taken over),
 * and the webhook subscription. The holder also subscribes and unsubscribes the bot.
 */
@Repository
class MaxFeeds {

    /** A bot's feed as its holder sees it. */
    record Feed(long botUserId, UUID organization, @Nullable Long marker, @Nullable String webhookUrl) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    MaxFeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the bot unless another node holds a live lease of it; returns whether this node holds it now. */
    boolean acquire(long botUserId, UUID organization, String node, Duration lease) {
        var now = OffsetDateTime.now(clock);
        return jdbc.sql(
                                """
                        insert into sync.max_bot_feed (bot_user_id, organization_id, owner, lease_until)
                        values (:bot, :organization, :node, :until)
                        on conflict (bot_user_id) do update
                            set owner = excluded.owner, lease_until = excluded.lease_until,
                                organization_id = excluded.organization_id
                            where sync.max_bot_feed.lease_until is null or sync.max_bot_feed.lease_until < :now
                               or sync.max_bot_feed.owner = :node""")
                        .param("bot", botUserId)
                        .param("organization", organization)
                        .param("node", node)
                        .param("now", now)
                        .param("until", now.plus(lease))
                        .update()
                == 1;
    }

    /** Extends this node's leases of these bots; returns the bots it still holds. */
    List<Long> renew(Collection<Long> bots, String node, Duration lease) {
        if (bots.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        update sync.max_bot_feed set lease_until = :until
                        where bot_user_id in (:bots) and owner = :node and lease_until >= :now
                        returning bot_user_id""")
                .param("bots", List.copyOf(bots))
                .param("node", node)
                .param("now", OffsetDateTime.now(clock))
                .param("until", OffsetDateTime.now(clock).plus(lease))
                .query(Long.class)
                .list();
    }

    /** The bot's feed if this node holds a live lease of it. */
    Optional<Feed> held(long botUserId, String node) {
        return jdbc.sql(
                        """
                        select bot_user_id, organization_id, marker, webhook_url from sync.max_bot_feed
                        where bot_user_id = :bot and owner = :node and lease_until >= :now""")
                .param("bot", botUserId)
                .param("node", node)
                .param("now", OffsetDateTime.now(clock))
                .query((rs, row) -> new Feed(
                        rs.getLong("bot_user_id"),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("marker", Long.class),
                        rs.getString("webhook_url")))
                .optional();
    }

    /**
     * Saves the marker after a batch, in the batch's transaction, if this node still holds the bot: a node that lost
     * the lease must not move the marker of the one that took it over. Returns whether it was saved.
     */
    boolean saveMarker(long botUserId, String node, @Nullable Long marker) {
        return jdbc.sql(
                                """
                        update sync.max_bot_feed set marker = :marker
                        where bot_user_id = :bot and owner = :node and lease_until >= :now""")
                        .param("marker", marker)
                        .param("bot", botUserId)
                        .param("node", node)
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                == 1;
    }

    void subscribed(long botUserId, String url, byte[] secretHash) {
        jdbc.sql(
                        """
                        update sync.max_bot_feed
                        set webhook_url = :url, webhook_secret_hash = :hash, subscribed_at = :now
                        where bot_user_id = :bot""")
                .param("url", url)
                .param("hash", secretHash)
                .param("now", OffsetDateTime.now(clock))
                .param("bot", botUserId)
                .update();
    }

    void unsubscribed(long botUserId) {
        jdbc.sql(
                        """
                        update sync.max_bot_feed set webhook_url = null, webhook_secret_hash = null, subscribed_at = null
                        where bot_user_id = :bot""")
                .param("bot", botUserId)
                .update();
    }

    /** The webhook's secret hash and the organization of the bot, if it is subscribed. */
    record Subscription(UUID organization, byte[] secretHash) {}

    Optional<Subscription> subscription(long botUserId) {
        return jdbc.sql(
                        """
                        select organization_id, webhook_secret_hash from sync.max_bot_feed
                        where bot_user_id = :bot and webhook_secret_hash is not null""")
                .param("bot", botUserId)
                .query((rs, row) -> new Subscription(
                        rs.getObject("organization_id", UUID.class), rs.getBytes("webhook_secret_hash")))
                .optional();
    }

    /**
     * Gives the bots back {@code after} from now (a poll MAX still holds ends by then), so that another node takes them
     * over without waiting for the whole lease to expire.
     */
    void release(Collection<Long> bots, String node, Duration after) {
        if (bots.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update sync.max_bot_feed set lease_until = :now
                        where bot_user_id in (:bots) and owner = :node""")
                .param("bots", List.copyOf(bots))
                .param("node", node)
                .param("now", OffsetDateTime.now(clock).plus(after).minusNanos(1000))
                .update();
    }

    /**
     * Notes that this node is alive ({@code sync.max_node}); returns how many nodes are, this one included (the insert
     * runs in the same snapshot as the count, which therefore counts this node apart).
     */
    int heartbeat(String node, Duration alive) {
        var now = OffsetDateTime.now(clock);
        return jdbc.sql(
                        """
                        with beat as (insert into sync.max_node (name, seen_at) values (:node, :now)
                                      on conflict (name) do update set seen_at = excluded.seen_at)
                        select count(*) + 1 from sync.max_node where seen_at > :alive and name <> :node""")
                .param("node", node)
                .param("now", now)
                .param("alive", now.minus(alive))
                .query(Integer.class)
                .single();
    }

    /** This node stops: it no longer counts among the live ones. */
    void leave(String node) {
        jdbc.sql("delete from sync.max_node where name = :node")
                .param("node", node)
                .update();
    }

    /**
     * Gives back every lease but this node's and forgets every other node (the embedded mode: whoever held them was a
     * process that died).
     */
    int releaseAllBut(String node) {
        jdbc.sql("delete from sync.max_node where name <> :node")
                .param("node", node)
                .update();
        return jdbc.sql("update sync.max_bot_feed set lease_until = :now where lease_until >= :now and owner <> :node")
                .param("now", OffsetDateTime.now(clock))
                .param("node", node)
                .update();
    }
}
