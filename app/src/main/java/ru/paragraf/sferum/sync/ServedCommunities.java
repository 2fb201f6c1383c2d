package ru.paragraf.sferum.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's share of the communities with work, and their leases ({@code sync.node}, {@code sync.community_lease}).
 * The share is the communities with work divided among the live nodes, at most {@code communities}; it is measured
 * every tenth of a lease, and within a pump interval when new work was planned, so that a community new to the
 * queue finds room at once. Leases are renewed every pump interval; one another node took over is lost. A community
 * is given back when it has nothing due and nothing in flight, or when its {@code community-slice} is over while
 * communities or nodes wait: the longest served first. Leases are taken up to the share, the communities waiting
 * longest first ({@link CommunityLeases#acquire}). Changed by the pump thread; its workers reach their community
 * directly.
 */
@Component
class ServedCommunities {

    private static final Logger log = LoggerFactory.getLogger(ServedCommunities.class);

    private final CommunityLeases leases;
    private final SyncProperties properties;
    private final String node;
    private final Map<Long, ServedCommunity> served = new ConcurrentHashMap<>();
    /** Communities someone waits for ({@link #hurry}) that this node does not serve yet: urgent once leased. */
    private final Set<Long> hurriedBeforeServed = ConcurrentHashMap.newKeySet();

    /** This node's share of the communities with work (pump thread only, like the fields below). */
    private int share;
    /** How many communities to give back at the end of their slices, for nodes or communities waiting. */
    private int toGiveBack;
    /** When the share was last measured (nanoTime). */
    private long measuredAt;
    /** New work was planned since: measure the share again within a pump interval. */
    private boolean remeasure;

    ServedCommunities(CommunityLeases leases, SyncProperties properties, ThisNode node) {
        this.leases = leases;
        this.properties = properties;
        this.node = node.name();
        start();
    }

    /** The workers start: until it is measured, this node's share is its limit, and it is measured at once. */
    void start() {
        share = properties.communities();
        measuredAt = System.nanoTime() - measureEvery();
    }

    /** The communities served now, the retiring and lost ones among them. */
    Collection<ServedCommunity> all() {
        return served.values();
    }

    @Nullable
    ServedCommunity get(long community) {
        return served.get(community);
    }

    /** Someone waits for the community's work: it goes first among its equals, now or once leased. */
    void hurry(long community) {
        served.compute(community, (id, served) -> {
            if (served == null) {
                hurriedBeforeServed.add(id);
            } else {
                served.hurry();
            }
            return served;
        });
    }

    /** Extends this node's leases; a community whose lease another node holds now is lost. */
    void renew() {
        if (served.isEmpty()) {
            return;
        }
        var held = new HashSet<>(leases.renew(served.keySet(), node, properties.communityLease()));
        for (var community : served.values()) {
            if (!held.contains(community.id()) && community.lose()) {
                log.info("Community {} was taken over by another node; this node stops serving it", community.id());
            }
        }
    }

    /**
     * Notes that this node is alive and measures its share, every tenth of a lease ({@code housekeeping} passes)
     * and, after {@code newWork}, within a pump interval: counting the communities with work probes the queue once
     * per organization, too much for every pass.
     */
    void measure(boolean housekeeping, boolean newWork) {
        remeasure |= newWork;
        var sinceMeasured = System.nanoTime() - measuredAt;
        if ((housekeeping && sinceMeasured >= measureEvery())
                || (remeasure && sinceMeasured >= properties.pumpInterval().toNanos())) {
            measuredAt = System.nanoTime();
            remeasure = false;
            var demand = leases.heartbeat(node, properties.communityLease());
            share = demand.share(properties.communities());
            // the lost ones count until they are forgotten: they still take a place in the share (takeMore)
            var serving = (int) served.values().stream()
                    .filter(c -> c.state() != ServedCommunity.State.RETIRING)
                    .count();
            toGiveBack = demand.toGiveBack(serving, share);
        }
    }

    /** Retries may have come due, or new work was planned: every served community looks for work again. */
    void lookAgain() {
        served.values().forEach(ServedCommunity::lookAgain);
    }

    /**
     * Retires the longest served communities whose slice is over while others wait (the others serve another
     * slice), and gives back those with nothing in flight and nothing more to claim. True if any left.
     */
    boolean giveBack() {
        var now = System.nanoTime();
        var longestServedFirst = new ArrayList<>(served.values());
        longestServedFirst.sort(Comparator.comparingLong(ServedCommunity::sliceEnds));
        var release = new ArrayList<Long>();
        var left = false;
        for (var community : longestServedFirst) {
            if (community.sliceOver(now)) {
                if (toGiveBack > 0) {
                    community.retire();
                    toGiveBack--;
                } else {
                    community.nextSlice(now + properties.communitySlice().toNanos());
                }
            }
            var lease = community.lease();
            if (lease != ServedCommunity.Lease.KEEP) {
                served.remove(community.id());
                left = true;
                if (lease == ServedCommunity.Lease.GIVE_BACK) {
                    release.add(community.id());
                }
            }
        }
        // the rows keep the release time, so communities waiting longer are served before these
        leases.release(release, node);
        return left;
    }

    /** Leases communities with due operations up to this node's share. */
    void takeMore() {
        var free = share - served.size();
        var sliceEnds = System.nanoTime() + properties.communitySlice().toNanos();
        for (var community : leases.acquire(node, free, properties.communityLease())) {
            served.computeIfAbsent(community, id -> new ServedCommunity(id, sliceEnds, hurriedBeforeServed.remove(id)));
        }
    }

    /** This node stops: its communities go back at once rather than when their leases expire. */
    void giveAllBack() {
        try {
            leases.release(
                    served.values().stream()
                            .filter(c -> c.state() != ServedCommunity.State.LOST)
                            .map(ServedCommunity::id)
                            .toList(),
                    node);
            leases.leave(node);
        } catch (RuntimeException e) {
            log.warn("Could not give back the communities on shutdown; their leases expire instead: {}", e.toString());
        }
        served.clear();
        hurriedBeforeServed.clear();
    }

    /** A tenth of the lease, at least a pump interval: a node's heartbeat stays well within its lease. */
    private long measureEvery() {
        return Math.max(
                properties.pumpInterval().toNanos(), properties.communityLease().toNanos() / 10);
    }
}
