package ru.paragraf.sferum.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's lock file in the data directory, {@code postmaster.pid}: the server writes it at start and removes it
 * when it stops, so a file found before a start was left by a server that still runs or died without stopping.
 *
 * @param pid the postmaster's process id (line 1)
 * @param started when the postmaster started (line 3, seconds since the epoch)
 * @param port its TCP port (line 4)
 */
record PostmasterPidFile(long pid, Instant started, int port) {

    static final String NAME = "postmaster.pid";

    /**
     * The file of the data directory; empty when there is none. A file too short to name a process (a server that
     * died while it started writing it) reads as a PID of 0.
     */
    static Optional<PostmasterPidFile> in(Path directory) {
        try {
            var lines = Files.readAllLines(directory.resolve(NAME));
            return Optional.of(new PostmasterPidFile(
                    number(lines, 0), Instant.ofEpochSecond(number(lines, 2)), (int) number(lines, 3)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory.resolve(NAME), e);
        }
    }

    /** Whether the file names no process: empty or torn. */
    boolean torn() {
        return pid <= 0;
    }

    private static long number(List<String> lines, int index) {
        if (lines.size() <= index) {
            return 0;
        }
        try {
            return Long.parseLong(lines.get(index).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
