package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How an operation ended, and what to write: the ledger change runs in the same transaction as the operation's
 * new status, so the two never disagree. {@code replan} names a journal to plan again (what the new chat or call
 * makes possible: members, the invite link, the announcement).
 */
record Completion(
        Status status,
        Runnable ledger,
        @Nullable String category,
        @Nullable String problem,
        @Nullable String link,
        @Nullable UUID replan) {

    /** What becomes of the operation. */
    enum Status {
        DONE,
        /** Transient: retry with backoff. */
        RETRY,
        /** Cannot be done as things are: reported with what to do. */
        FAILED,
        /** The community's credentials failed: pause the organization, keep the operation for later. */
        PAUSE
    }

    static final Runnable NOTHING = () -> {};

    static Completion done(Runnable ledger, @Nullable UUID replan) {
        return new Completion(Status.DONE, ledger, null, null, null, replan);
    }

    static Completion done() {
        return done(NOTHING, null);
    }
}
