package ru.paragraf.sferum.sync.max;

import java.util.function.Function;

/**
 * The result of one MAX call after the client's retries: {@link Ok} with the typed answer, or {@link Failed} with
 * the classified failure.
 *
 * @param <T> the type of the answer
 */
public sealed interface MaxOutcome<T> permits MaxOutcome.Ok, MaxOutcome.Failed {

    /** MAX did it; {@code value} is its answer. */
    record Ok<T>(T value) implements MaxOutcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> ok, Function<MaxFailure, ? extends R> failed) {
            return ok.apply(value);
        }
    }

    /** MAX did not do it, or it is unknown whether it did ({@link MaxFailure#ambiguous()}). */
    record Failed<T>(MaxFailure failure) implements MaxOutcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> ok, Function<MaxFailure, ? extends R> failed) {
            return failed.apply(failure);
        }
    }

    <R> R fold(Function<? super T, ? extends R> ok, Function<MaxFailure, ? extends R> failed);

    /** The answer, or a {@link MaxException} carrying the failure. */
    default T orThrow() {
        return fold(value -> value, failure -> {
            throw new MaxException(failure);
        });
    }

    default boolean isOk() {
        return this instanceof Ok;
    }
}
