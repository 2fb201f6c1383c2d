package ru.paragraf.sferum.sync.max;

/** A failed MAX call, thrown by {@link MaxOutcome#orThrow()}; its message is redacted. */
public class MaxException extends RuntimeException {

    private final MaxFailure failure;

    public MaxException(MaxFailure failure) {
        super(failure.describe());
        this.failure = failure;
    }

    public MaxFailure failure() {
        return failure;
    }
}
