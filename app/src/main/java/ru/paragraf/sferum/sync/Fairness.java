package ru.paragraf.sferum.sync;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which served community a thread that comes free goes to: the one with the fewest operations in flight; among
 * those, one with work someone waits for ({@link Workers#hurry}: a lesson published just now); then the one
 * waiting longest for a claim (a community just leased before all others); then the lowest community id, so
 * that the order never depends on a hash map's. In the map's fixed order, the same few communities took every
 * thread that came free and a quiet school's community behind them waited minutes (docs/benchmarks.md,
 * publish → link; {@code SyncFairnessTests}).
 */
final class Fairness {

    /** The last claim of a community never claimed from: before every real time (nanoTime). */
    static final long NEVER = Long.MIN_VALUE;

    /**
     * A served community as the claiming pass found it.
     *
     * @param claimedAt when a claim last started operations of it (nanoTime), or {@link #NEVER}
     */
    record Candidate(long community, int inFlight, boolean urgent, long claimedAt) {}

    private static final Comparator<Candidate> FIRST_SERVED = Comparator.comparingInt(Candidate::inFlight)
            .thenComparing(Candidate::urgent, Comparator.reverseOrder())
            .thenComparingLong(Candidate::claimedAt)
            .thenComparingLong(Candidate::community);

    private Fairness() {}

    /** The candidates in the order in which they get the threads that are free. */
    static List<Candidate> order(Collection<Candidate> candidates) {
        return candidates.stream().sorted(FIRST_SERVED).toList();
    }
}
