package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which node serves which community. One node at a time keeps a community's operations in order and its token
 * within VK's rate limit, whatever the number of nodes; an expired lease is taken over.
 */
@Repository
class CommunityLeases {

    private final JdbcClient jdbc;
    private final Clock clock;

    CommunityLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes up to {@code limit} communities that have due operations and no live lease — neither another node's nor
     * this node's own, whose communities are being served already. Driven by the organizations (one index probe
     * into the queue each), not by the queue: a mass video day puts tens of thousands of operations in it.
     */
    List<Long> acquire(String node, int limit, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        var now = OffsetDateTime.now(clock);
        return jdbc.sql(
                        """
                        insert into sync.community_lease (community_id, owner, lease_until)
                        select due.community_id, :node, :until
                        from (select so.community_id
                              from sync.organization so
                              left join sync.community_lease l on l.community_id = so.community_id
                              where so.paused_reason is null and so.community_id is not null
                                and (l.lease_until is null or l.lease_until < :now)
                                and exists (select 1 from sync.operation q
                                            where q.community_id = so.community_id and q.status = 'PENDING'
                                              and q.next_attempt_at <= :now)
                              -- the longest unserved first: a released lease keeps its release time
                              order by l.lease_until nulls first, so.community_id
                              limit :limit) due
                        on conflict (community_id) do update
                            set owner = excluded.owner, lease_until = excluded.lease_until
                            where sync.community_lease.lease_until < :now or sync.community_lease.owner = :node
                        returning community_id
                        """)
                .param("node", node)
                .param("now", now)
                .param("until", now.plus(lease))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** Extends the leases this node still holds of these communities; returns those it holds. */
    List<Long> renew(Collection<Long> communities, String node, Duration lease) {
        return jdbc.sql(
                        """
                        update sync.community_lease set lease_until = :until
                        where community_id in (:communities) and owner = :node
                        returning community_id
                        """)
                .param("communities", List.copyOf(communities))
                .param("node", node)
                .param("until", OffsetDateTime.now(clock).plus(lease))
                .query(Long.class)
                .list();
    }

    /**
     * How much work there is for the nodes: live nodes (this one included, seen within {@code alive}), communities
     * with operations due or a live lease, and of those the ones with due operations and no live lease.
     */
    record Demand(int nodes, int communities, int waiting) {

        /** This node's share: the communities with work divided among the live nodes, within its own limit. */
        int share(int limit) {
            var perNode = (communities + Math.max(nodes, 1) - 1) / Math.max(nodes, 1);
            return Math.max(1, Math.min(limit, perNode));
        }

        /**
         * How many of the {@code serving} communities to give back at the end of their slices: those beyond the
         * share, and, once the share is full, one for each community that waits for a node.
         */
        int toGiveBack(int serving, int share) {
            return Math.max(0, serving - share) + (serving >= share ? waiting : 0);
        }
    }

    /**
     * Notes that this node is alive, and measures the demand: one statement (the insert runs in the same snapshot as
     * the counts, which therefore count this node apart).
     */
    Demand heartbeat(String node, Duration alive) {
        var now = OffsetDateTime.now(clock);
        return jdbc.sql(
                        """
                        with beat as (insert into sync.node (name, seen_at) values (:node, :now)
                                      on conflict (name) do update set seen_at = excluded.seen_at)
                        select (select count(*) from sync.node where seen_at > :alive and name <> :node) + 1 as nodes,
                               count(*) filter (where d.due or d.served) as communities,
                               count(*) filter (where d.due and not d.served) as waiting
                        from (select exists (select 1 from sync.operation q
                                             where q.community_id = so.community_id and q.status = 'PENDING'
                                               and q.next_attempt_at <= :now) as due,
                                     exists (select 1 from sync.community_lease l
                                             where l.community_id = so.community_id and l.lease_until >= :now)
                                         as served
                              from sync.organization so
                              where so.paused_reason is null and so.community_id is not null) d
                        """)
                .param("node", node)
                .param("now", now)
                .param("alive", now.minus(alive))
                .query((rs, row) -> new Demand(rs.getInt("nodes"), rs.getInt("communities"), rs.getInt("waiting")))
                .single();
    }

    /** This node stops: it no longer counts among the live ones. */
    void leave(String node) {
        jdbc.sql("delete from sync.node where name = :node").param("node", node).update();
    }

    /** Gives the communities back; the rows keep the release time, so that others are served before them again. */
    void release(Collection<Long> communities, String node) {
        if (communities.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update sync.community_lease set lease_until = :now
                        where community_id in (:communities) and owner = :node
                        """)
                .param("communities", List.copyOf(communities))
                .param("node", node)
                .param("now", OffsetDateTime.now(clock).minusNanos(1000))
                .update();
    }

    /**
     * Gives back every live lease but this node's, and forgets every other node: in the embedded default this
     * process is the only node, so what others hold was held by a process that died ({@link OrphanedWork}).
     * Returns how many leases were given back.
     */
    int releaseAllBut(String node) {
        var leases = jdbc.sql(
                        """
                        update sync.community_lease set lease_until = :now
                        where lease_until >= :now and owner <> :node
                        """)
                .param("now", OffsetDateTime.now(clock))
                .param("node", node)
                .update();
        jdbc.sql("delete from sync.node where name <> :node")
                .param("node", node)
                .update();
        return leases;
    }
}
