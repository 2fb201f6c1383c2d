package ru.paragraf.vkemulator;

import java.nio.file.Path;

/**
 * The emulator cannot use its state file ({@link EmulatorConfig#stateFile()}); the message says which file, what
 * is wrong and how to start afresh. It never contains a token value.
 */
public final class StateFileException extends RuntimeException {

    /** What is wrong with the file. */
    public enum Problem {
        /** Another running emulator holds the file. */
        IN_USE,
        /** The file is not a state file, or it is damaged. */
        UNREADABLE,
        /** The file was written in a format this emulator does not know (a newer version wrote it). */
        UNKNOWN_FORMAT,
        /** The file or its directory cannot be created or written. */
        NOT_WRITABLE
    }

    private final Problem problem;
    private final Path file;

    StateFileException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    StateFileException(Problem problem, Path file, String message) {
        super(message);
        this.problem = problem;
        this.file = file;
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}
