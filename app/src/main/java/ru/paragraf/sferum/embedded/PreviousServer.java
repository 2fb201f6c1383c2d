package ru.paragraf.sferum.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the PostgreSQL server of a previous run left on the data directory, cleared away before a new server starts.
 * zonky starts the server through pg_ctl, which detaches it from the JVM: when the application dies without stopping it
 * (SIGKILL, a crash, the OOM killer) the server runs on as an orphan, and a new server refuses the directory. Called
 * while this process holds the directory's lock ({@link DataDirectoryLock}), so no live instance owns what it finds.
 *
 * <ul>
 *   <li>no {@code postmaster.pid}: the previous server stopped cleanly;
 *   <li>it names a process that is gone (a power cut): PostgreSQL itself replaces the file and recovers from its
 *       write-ahead log;
 *   <li>it names a live PostgreSQL of this directory: an orphan, stopped with a fast shutdown;
 *   <li>it names a live process that provably did not write it (another program, a PostgreSQL of another directory, a
 *       process started later): the PID was reused, the file is stale and removed, as PostgreSQL would refuse it. The
 *       shared memory interlock of PostgreSQL, keyed by the directory, still guards against surviving server processes;
 *   <li>anything else is not touched: the start is refused with what to check.
 * </ul>
 */
final class PreviousServer {

    private static final Logger log = LoggerFactory.getLogger(PreviousServer.class);

    /** PostgreSQL writes its start time (line 3) a moment after its process started. */
    private static final Duration START_SLACK = Duration.ofSeconds(2);

    private PreviousServer() {}

    /** Leaves the data directory free for a new server, or refuses the start with what the operator can do. */
    static void clear(Path directory, Duration patience) {
        var found = PostmasterPidFile.in(directory);
        if (found.isEmpty()) {
            return;
        }
        var file = found.get();
        if (file.torn()) {
            log.warn(
                    "{} in {} names no process: a previous run died while its PostgreSQL started; removing the file",
                    PostmasterPidFile.NAME,
                    directory);
            delete(directory);
            return;
        }
        var process = ProcessHandle.of(file.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info(
                    "The PostgreSQL of a previous run (PID {}) did not stop cleanly; it recovers from its write-ahead log",
                    file.pid());
            return;
        }
        var server = process.get();
        if (isServerOf(server, directory)) {
            stop(server, file, directory, patience);
        } else if (reusedPid(server, file, directory)) {
            log.warn(
                    "{} in {} names PID {}, which is another program now ({}): the PostgreSQL of a previous run is gone;"
                            + " removing the stale file",
                    PostmasterPidFile.NAME,
                    directory,
                    file.pid(),
                    describe(server));
            delete(directory);
        } else {
            throw new EmbeddedDatabaseException(
                    "%s in %s names the running process %d (%s), which may be a PostgreSQL using this directory."
                            .formatted(PostmasterPidFile.NAME, directory, file.pid(), describe(server)),
                    "Stop process %d if it is a PostgreSQL of this directory; if it is not, delete %s; then start the application again."
                            .formatted(file.pid(), directory.resolve(PostmasterPidFile.NAME)));
        }
    }

    /** A {@code postgres} executable started with {@code -D} this directory. */
    static boolean isServerOf(ProcessHandle process, Path directory) {
        var info = process.info();
        if (!isPostgres(info)) {
            return false;
        }
        var arguments = info.arguments().map(Arrays::asList).orElse(List.of());
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if ("-D".equals(arguments.get(i)) && same(arguments.get(i + 1), directory)) {
                return true;
            }
        }
        return false;
    }

    /** The live process is provably not the server that wrote the file: the file's PID was given to another. */
    private static boolean reusedPid(ProcessHandle process, PostmasterPidFile file, Path directory) {
        var info = process.info();
        var startedLater = info.startInstant()
                .map(start -> start.isAfter(file.started().plus(START_SLACK)))
                .orElse(false);
        if (startedLater) {
            return true;
        }
        if (info.command().isPresent() && !isPostgres(info)) {
            return true;
        }
        // a PostgreSQL of another directory; one without -D may use this one through PGDATA
        var arguments = info.arguments().map(Arrays::asList).orElse(List.of());
        var dataDirectory = arguments.indexOf("-D");
        return isPostgres(info)
                && dataDirectory >= 0
                && dataDirectory + 1 < arguments.size()
                && !same(arguments.get(dataDirectory + 1), directory);
    }

    private static void stop(ProcessHandle server, PostmasterPidFile file, Path directory, Duration patience) {
        log.warn(
                "An orphaned PostgreSQL of a previous run (PID {}, port {}) still runs on {}: the application died "
                        + "without stopping it. Stopping it with a fast shutdown before the new start.",
                file.pid(),
                file.port(),
                directory);
        var began = System.nanoTime();
        if (!interrupt(server.pid())) {
            log.warn(
                    "Could not send SIGINT to PID {} (no kill command); asked it to stop through Java instead (SIGTERM, "
                            + "a smart shutdown, on Unix; ending the process on Windows)",
                    server.pid());
            server.destroy();
        }
        try {
            server.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw notStopped(file, directory, patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStopped(file, directory, patience);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for PID " + server.pid(), e);
        }
        log.info(
                "The orphaned PostgreSQL (PID {}) stopped in {} ms",
                file.pid(),
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown: sessions end, a checkpoint is written, the lock file is removed. Java sends
     * only SIGTERM, PostgreSQL's smart shutdown that waits for every session, and SIGKILL, which leaves the server's
     * other processes behind.
     */
    private static boolean interrupt(long pid) {
        try {
            var kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static EmbeddedDatabaseException notStopped(PostmasterPidFile file, Path directory, Duration patience) {
        return new EmbeddedDatabaseException(
                "An orphaned PostgreSQL of a previous run (PID %d, port %d) still runs on %s and did not stop within %d s of a fast shutdown request."
                        .formatted(file.pid(), file.port(), directory, patience.toSeconds()),
                ("Stop it by hand: `kill -QUIT %d` (PostgreSQL's immediate shutdown; the next start recovers from the "
                                + "write-ahead log), or end process %d in the task manager; then start the application again.")
                        .formatted(file.pid(), file.pid()));
    }

    private static boolean isPostgres(ProcessHandle.Info info) {
        var name = info.command()
                .map(command -> command.replace(" (deleted)", ""))
                .map(PreviousServer::fileName)
                .orElse("");
        return name.equals("postgres") || name.equals("postgres.exe");
    }

    private static String fileName(String command) {
        try {
            var name = Path.of(command).getFileName();
            return name == null ? command : name.toString();
        } catch (InvalidPathException e) {
            return command;
        }
    }

    private static boolean same(String argument, Path directory) {
        try {
            var path = Path.of(argument);
            return Files.exists(path) ? Files.isSameFile(path, directory) : path.equals(directory);
        } catch (InvalidPathException | IOException e) {
            return false;
        }
    }

    private static String describe(ProcessHandle process) {
        var info = process.info();
        return info.commandLine().or(info::command).orElse("command unknown")
                + info.startInstant()
                        .map(Instant::toString)
                        .map(start -> ", started " + start)
                        .orElse("");
    }

    private static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(PostmasterPidFile.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory.resolve(PostmasterPidFile.NAME), e);
        }
    }
}
