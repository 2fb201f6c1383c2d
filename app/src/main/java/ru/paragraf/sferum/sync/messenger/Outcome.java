package ru.paragraf.sferum.sync.messenger;

import java.util.function.Function;

/** What a messenger call came to: done with a value, or a {@link Problem}. */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Failed {

    /** Done; {@code value} is the answer. */
    record Done<T>(T value) implements Outcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> done, Function<Problem, ? extends R> failed) {
            return done.apply(value);
        }
    }

    /** Not done, or unknown whether done ({@link Problem#ambiguous()}). */
    record Failed<T>(Problem problem) implements Outcome<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> done, Function<Problem, ? extends R> failed) {
            return failed.apply(problem);
        }
    }

    /** The answer given to {@code done}, or the problem to {@code failed}: both cases, without a cast. */
    <R> R fold(Function<? super T, ? extends R> done, Function<Problem, ? extends R> failed);

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> failed(Problem problem) {
        return new Failed<>(problem);
    }
}
