package ru.paragraf.sferum.sync;

/**
 * A community whose lease this node holds, as its workers keep count of it: where it stands ({@link State}), how
 * many of its operations are in flight, whether someone waits for its work, when it was last claimed from and when
 * its slice ends. The pump and the worker threads change it only through the transitions below, each atomic.
 */
final class ServedCommunity {

    /** Where a served community stands. */
    enum State {
        /** Something may be due: claim when a thread is free (just leased, an operation ended, new work, a pass). */
        LOOKING,
        /** Its last claim took all that was due: nothing to claim until something changes. */
        CLAIMED,
        /** Its last claim found nothing due: give it back once nothing is in flight. */
        IDLE,
        /** Its slice is over while others wait: claim nothing more, give it back once nothing is in flight. */
        RETIRING,
        /** Another node holds its lease now: claim nothing more, forget it once nothing is in flight. */
        LOST;

        boolean served() {
            return this == LOOKING || this == CLAIMED || this == IDLE;
        }
    }

    /** What becomes of its lease at the end of a pump pass. */
    enum Lease {
        KEEP,
        /** Nothing in flight and nothing more to claim: give the lease back. */
        GIVE_BACK,
        /** Nothing in flight, and the lease is another node's already. */
        FORGET
    }

    private final long id;
    private State state = State.LOOKING;
    /** Operations claimed and not yet ended, and slots reserved by a claim under way. */
    private int inFlight;
    /** Someone waits for its work ({@link Workers#hurry}): it goes first among its equals until its next claim. */
    private boolean urgent;
    /** When a claim last started operations of it (nanoTime); {@link Fairness#NEVER} for one just leased. */
    private long claimedAt = Fairness.NEVER;
    /** Pump thread only. */
    private long sliceEnds;

    ServedCommunity(long id, long sliceEnds, boolean urgent) {
        this.id = id;
        this.sliceEnds = sliceEnds;
        this.urgent = urgent;
    }

    long id() {
        return id;
    }

    synchronized State state() {
        return state;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    /** As the claiming pass sees it: a snapshot, since workers change the counts meanwhile. */
    synchronized Fairness.Candidate candidate() {
        return new Fairness.Candidate(id, inFlight, urgent, claimedAt);
    }

    /** Someone waits for its work: among the communities waiting for a thread, it goes first until its next claim. */
    synchronized void hurry() {
        urgent = true;
    }

    /** Something may have come due: an operation of it ended, new work was planned, or retries came due. */
    synchronized void lookAgain() {
        if (state == State.CLAIMED || state == State.IDLE) {
            state = State.LOOKING;
        }
    }

    /** How many operations it would claim now: its free slots while it looks for work, else 0. */
    synchronized int freeSlots(int concurrency) {
        return state == State.LOOKING ? Math.max(0, concurrency - inFlight) : 0;
    }

    /**
     * Starts a claim: reserves up to {@code threads} of its free slots (no more than {@code concurrency} in flight)
     * and returns how many, or 0 when it is not looking for work or has no slot free.
     */
    synchronized int reserve(int concurrency, int threads) {
        var slots = Math.min(concurrency - inFlight, threads);
        if (state != State.LOOKING || slots <= 0) {
            return 0;
        }
        state = State.CLAIMED;
        inFlight += slots;
        return slots;
    }

    /**
     * The claim of {@code slots} started {@code claimed} operations (at {@code now}, nanoTime). All slots filled:
     * more may be due; none: it is idle, unless an operation ended meanwhile.
     */
    synchronized void claimed(int slots, int claimed, long now) {
        inFlight -= slots - claimed;
        if (claimed > 0) {
            urgent = false;
            claimedAt = now;
        }
        if (state == State.CLAIMED) {
            state = claimed == slots ? State.LOOKING : claimed == 0 ? State.IDLE : State.CLAIMED;
        }
    }

    /** The claim of {@code slots} failed (the database is away): look again at the next pass. */
    synchronized void claimFailed(int slots) {
        inFlight -= slots;
        lookAgain();
    }

    /** One of its operations ended: its slot is free, and its next operation may be due. */
    synchronized void ended() {
        inFlight--;
        lookAgain();
    }

    /** It would claim, has nothing in flight, and so waits only for a thread. */
    synchronized boolean waitsForThread() {
        return state == State.LOOKING && inFlight == 0;
    }

    /** Its slice is over while it is served. Pump thread only. */
    synchronized boolean sliceOver(long now) {
        return state.served() && now - sliceEnds >= 0;
    }

    /** Nobody waits for it: it is served for another slice. Pump thread only. */
    synchronized void nextSlice(long ends) {
        sliceEnds = ends;
    }

    /** When its slice ends; the longest served are given back first. Pump thread only. */
    synchronized long sliceEnds() {
        return sliceEnds;
    }

    /** Others wait: it claims nothing more, and is given back once nothing is in flight. */
    synchronized void retire() {
        if (state.served()) {
            state = State.RETIRING;
        }
    }

    /** Another node holds the lease now; false if that was known already. */
    synchronized boolean lose() {
        var known = state == State.LOST;
        state = State.LOST;
        return !known;
    }

    /**
     * What becomes of its lease now. Nothing in flight means that no worker holds it either, so only the pump can
     * change it after this answer.
     */
    synchronized Lease lease() {
        if (inFlight > 0 || state == State.LOOKING || state == State.CLAIMED) {
            return Lease.KEEP;
        }
        return state == State.LOST ? Lease.FORGET : Lease.GIVE_BACK;
    }

    @Override
    public synchronized String toString() {
        return "community " + id + " " + state + ", " + inFlight + " in flight";
    }
}
