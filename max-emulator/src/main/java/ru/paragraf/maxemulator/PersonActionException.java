package ru.paragraf.maxemulator;

/** A person API action the emulated MAX refuses, e.g. adding someone to a chat one is not in. */
public final class PersonActionException extends RuntimeException {

    PersonActionException(String message) {
        super(message);
    }
}
