package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Planning on demand: reconciles an organization, or one of its journals, with the same planner that events and
 * SFERUM_SYNC runs use, and wakes this node's workers when something was enqueued. For operators' tools and the
 * city benchmark (bench/, docs/benchmarks.md), which time planning without an exchange run around it.
 */
@Service
public class Reconciliation {

    private final Planner planner;
    private final Workers workers;

    Reconciliation(Planner planner, Workers workers) {
        this.planner = planner;
        this.workers = workers;
    }

    /** Enqueues what the whole organization needs; returns how many operations were new. */
    public int organization(UUID organization) {
        return woken(planner.plan(organization, null, null));
    }

    /** Enqueues what one journal of the organization needs (incremental mode); returns how many were new. */
    public int journal(UUID organization, UUID journal) {
        return woken(planner.plan(organization, journal, null));
    }

    private int woken(int planned) {
        if (planned > 0) {
            workers.wakeUp();
        }
        return planned;
    }
}
