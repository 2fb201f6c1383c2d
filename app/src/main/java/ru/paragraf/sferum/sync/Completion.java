package ru.paragraf.sferum.sync;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.sync.messenger.Problem;

/**
 * How an operation ended, as a handler says it and {@link Outcomes} records it: done, tried again later, failed
 * with what to do, or pausing its organization. {@link #fold} takes every case, so a new one is found by the
 * compiler where completions are recorded.
 */
sealed interface Completion permits Completion.Done, Completion.Retry, Completion.Failed, Completion.Pause {

    <R> R fold(Function<Done, R> done, Function<Retry, R> retry, Function<Failed, R> failed, Function<Pause, R> pause);

    /** Done; {@code change}, if any, is written to the ledger with it. */
    record Done(@Nullable LedgerChange change) implements Completion {

        @Override
        public <R> R fold(
                Function<Done, R> done,
                Function<Retry, R> retry,
                Function<Failed, R> failed,
                Function<Pause, R> pause) {
            return done.apply(this);
        }
    }

    /**
     * Not done for a passing reason: tried again after a backoff, failed once the attempts are used up.
     *
     * @param category {@link Problem.Kind#RETRY}, or {@link Problem.Kind#BUG} for an unexpected exception
     * @param reason what went wrong, in Russian (or the exception's name), visible while it waits
     */
    record Retry(Problem.Kind category, String reason) implements Completion {

        @Override
        public <R> R fold(
                Function<Done, R> done,
                Function<Retry, R> retry,
                Function<Failed, R> failed,
                Function<Pause, R> pause) {
            return retry.apply(this);
        }
    }

    /**
     * Cannot be done as things are: reported with the reason, in Russian, and where to fix it.
     *
     * @param link the application path of the record to fix
     * @param change what the failure changes in the ledger (a chat or call shown as failed, a chat lost)
     */
    record Failed(Problem.Kind category, String reason, @Nullable String link, @Nullable LedgerChange change)
            implements Completion {

        @Override
        public <R> R fold(
                Function<Done, R> done,
                Function<Retry, R> retry,
                Function<Failed, R> failed,
                Function<Pause, R> pause) {
            return failed.apply(this);
        }
    }

    /** The community's credentials failed: the organization is paused, the operation kept for later. */
    record Pause(String reason) implements Completion {

        @Override
        public <R> R fold(
                Function<Done, R> done,
                Function<Retry, R> retry,
                Function<Failed, R> failed,
                Function<Pause, R> pause) {
            return pause.apply(this);
        }
    }

    static Completion done() {
        return new Done(null);
    }

    static Completion done(LedgerChange change) {
        return new Done(change);
    }

    /** A handler threw: a bug, tried again like a passing failure so that it shows, and given up in the end. */
    static Completion unexpected(RuntimeException exception) {
        return new Retry(Problem.Kind.BUG, exception.getClass().getSimpleName());
    }
}
