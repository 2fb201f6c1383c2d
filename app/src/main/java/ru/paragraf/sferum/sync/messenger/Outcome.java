package ru.paragraf.sferum.sync.messenger;

/** What a messenger call came to: done with a value, or a {@link Problem}. */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Failed {

    /** Done; {@code value} is the answer. */
    record Done<T>(T value) implements Outcome<T> {}

    /** Not done, or unknown whether done ({@link Problem#ambiguous()}). */
    record Failed<T>(Problem problem) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> failed(Problem problem) {
        return new Failed<>(problem);
    }
}
