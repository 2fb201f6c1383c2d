package ru.paragraf.sferum.sync;

import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Hands this node's free threads to its served communities: claims a community's due operations into its free
 * slots, up to {@code community-concurrency} in flight and no more than {@link InFlight} allows, and starts them.
 * The pump claims for every served community in the order of {@link Fairness}; a worker that finished an
 * operation claims its community's next ones itself, without a round through the pump, unless a community with
 * nothing in flight waits for a thread: then the pump hands the thread to it.
 */
@Component
class Dispatcher {

    /** Starts a claimed operation on a worker thread. */
    @FunctionalInterface
    interface Start {
        void operation(ServedCommunity community, Operation operation);
    }

    private final Operations operations;
    private final InFlight inFlight;
    private final SyncProperties properties;
    private final String node;
    /** A served community has nothing in flight and found no free thread (set by the pump's pass). */
    private volatile boolean waitingForThread;

    Dispatcher(Operations operations, InFlight inFlight, SyncProperties properties, ThisNode node) {
        this.operations = operations;
        this.inFlight = inFlight;
        this.properties = properties;
        this.node = node.name();
    }

    /**
     * The pump's pass over the served communities, in the order of {@link Fairness}. A community that has nothing
     * in flight and finds no free thread marks that it waits, so that the threads finishing operations leave their
     * slot to it.
     */
    void pass(ServedCommunities communities, Start start) {
        var order = Fairness.order(
                communities.all().stream().map(ServedCommunity::candidate).toList());
        var starving = false;
        for (var candidate : order) {
            var community = communities.get(candidate.community());
            if (community != null && !claimFor(community, start) && community.waitsForThread()) {
                starving = true;
            }
        }
        waitingForThread = starving;
    }

    /**
     * One of the community's operations ended on a worker thread: its slot and thread are free. The same thread
     * claims the community's next operations at once, unless another community waits for a thread.
     */
    void ended(ServedCommunity community, boolean claimNext, Start start) {
        community.ended();
        inFlight.release(1);
        if (claimNext && !waitingForThread) {
            try {
                claimFor(community, start);
            } catch (RuntimeException e) {
                // the pump claims on its next pass
            }
        }
    }

    /**
     * Claims the community's due operations into its free slots and starts them; false if it looks for work and no
     * thread was free for it.
     */
    private boolean claimFor(ServedCommunity community, Start start) {
        var concurrency = properties.communityConcurrency();
        var wanted = community.freeSlots(concurrency);
        if (wanted == 0) {
            return true;
        }
        var threads = inFlight.reserve(wanted);
        if (threads == 0) {
            return false;
        }
        var slots = community.reserve(concurrency, threads);
        inFlight.release(threads - slots);
        if (slots == 0) {
            return true;
        }
        Collection<Operation> claimed;
        try {
            claimed = operations.claim(community.id(), node, properties.operationLease(), slots);
        } catch (RuntimeException e) {
            community.claimFailed(slots);
            inFlight.release(slots);
            throw e;
        }
        community.claimed(slots, claimed.size(), System.nanoTime());
        inFlight.release(slots - claimed.size());
        for (var operation : claimed) {
            start.operation(community, operation);
        }
        return true;
    }
}
