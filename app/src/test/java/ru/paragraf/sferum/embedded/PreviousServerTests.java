package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a previous run left on the data directory, with real PostgreSQL servers started as separate processes: an
 * orphan of this directory is stopped with a fast shutdown, a lock file of a process that is gone is left to
 * PostgreSQL, a PID now used by another program or by a PostgreSQL of another directory is never signalled, and a
 * process that cannot be told apart is not touched.
 */
class PreviousServerTests {

    @TempDir
    static Path shared;

    static Path dataDirectory;
    static Path postgresBinary;

    @TempDir
    Path other;

    private final List<Process> processes = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();

    /** One initialized data directory for the class, and the PostgreSQL binary zonky unpacked. */
    @BeforeAll
    static void initializeDataDirectory() throws IOException {
        dataDirectory = shared.resolve("pg").toAbsolutePath();
        try (var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            var pid = PostmasterPidFile.in(dataDirectory).orElseThrow().pid();
            postgresBinary =
                    Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow());
        }
    }

    @AfterEach
    void stopProcesses() throws IOException, InterruptedException {
        for (var process : processes) {
            if (process.isAlive() && servers.contains(process)) {
                // PostgreSQL's immediate shutdown: its other processes end with it
                new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid()))
                        .start()
                        .waitFor();
            } else if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        for (var process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void stopsAnOrphanedServerOfTheDirectoryWithAFastShutdown() throws Exception {
        var server = server(List.of("-D", dataDirectory.toString()), Map.of());

        PreviousServer.clear(dataDirectory, Duration.ofSeconds(60));

        assertThat(server.isAlive()).isFalse();
        assertThat(server.exitValue()).as("a clean shutdown").isZero();
        assertThat(Files.exists(dataDirectory.resolve(PostmasterPidFile.NAME))).isFalse();
        assertThat(Files.readString(serverLog(server))).contains("received fast shutdown request");
    }

    @Test
    void leavesTheFileOfAServerThatIsGoneToPostgreSql() throws Exception {
        var gone = new ProcessBuilder("true").start();
        gone.waitFor();
        var file = writePidFile(other, gone.pid(), Instant.now());

        PreviousServer.clear(other, Duration.ofSeconds(60));

        assertThat(Files.readString(file)).startsWith(gone.pid() + "\n");
    }

    @Test
    void removesAStaleFileWhosePidAnotherProgramHasNowWithoutSignallingIt() throws Exception {
        var program = started(new ProcessBuilder("sleep", "300"));
        // written "later" than the program started: only the executable tells them apart
        var file = writePidFile(other, program.pid(), Instant.now().plus(Duration.ofHours(1)));

        PreviousServer.clear(other, Duration.ofSeconds(60));

        assertThat(Files.exists(file)).isFalse();
        assertThat(program.isAlive()).isTrue();
    }

    @Test
    void neverSignalsAPostgreSqlOfAnotherDirectory() throws Exception {
        var server = server(List.of("-D", dataDirectory.toString()), Map.of());
        var file = other.resolve(PostmasterPidFile.NAME);
        Files.copy(dataDirectory.resolve(PostmasterPidFile.NAME), file);

        PreviousServer.clear(other, Duration.ofSeconds(60));

        assertThat(Files.exists(file)).as("stale: its server runs elsewhere").isFalse();
        assertThat(server.isAlive()).isTrue();
        assertThat(Files.exists(dataDirectory.resolve(PostmasterPidFile.NAME))).isTrue();
    }

    @Test
    void refusesAServerItCannotTellApartAndLeavesItRunning() throws Exception {
        // a PostgreSQL of this directory started by hand through PGDATA, without -D
        var server = server(List.of(), Map.of("PGDATA", dataDirectory.toString()));

        assertThatThrownBy(() -> PreviousServer.clear(dataDirectory, Duration.ofSeconds(60)))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("names the running process " + server.pid())
                .satisfies(e -> assertThat(((EmbeddedDatabaseException) e).action())
                        .contains("Stop process " + server.pid())
                        .contains(dataDirectory.resolve(PostmasterPidFile.NAME).toString()));
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void explainsWhatToDoWhenTheOrphanDoesNotStopInTime() throws Exception {
        var server = server(List.of("-D", dataDirectory.toString()), Map.of());
        var port = PostmasterPidFile.in(dataDirectory).orElseThrow().port();

        assertThatThrownBy(() -> PreviousServer.clear(dataDirectory, Duration.ofMillis(1)))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("(PID %d, port %d)".formatted(server.pid(), port))
                .hasMessageContaining("did not stop within")
                .satisfies(e ->
                        assertThat(((EmbeddedDatabaseException) e).action()).contains("kill -QUIT " + server.pid()));
    }

    @Test
    void removesAFileThatNamesNoProcess() throws Exception {
        var file = Files.writeString(other.resolve(PostmasterPidFile.NAME), "");

        PreviousServer.clear(other, Duration.ofSeconds(60));

        assertThat(Files.exists(file)).isFalse();
    }

    /** A PostgreSQL server as a process of its own, ready for connections. */
    private Process server(List<String> arguments, Map<String, String> environment) throws IOException {
        var command = new ArrayList<String>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses root; zonky runs it in a user namespace of its own the same way
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postgresBinary.toString());
        command.addAll(arguments);
        command.addAll(List.of("-p", Integer.toString(freePort()), "-c", "listen_addresses=localhost"));
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        var log = other.resolve("server-" + processes.size() + ".log");
        var server = started(builder.redirectErrorStream(true).redirectOutput(log.toFile()));
        servers.add(server);
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(server));
        return server;
    }

    private Path serverLog(Process server) {
        return other.resolve("server-" + processes.indexOf(server) + ".log");
    }

    private static boolean ready(Process server) throws IOException {
        var file = dataDirectory.resolve(PostmasterPidFile.NAME);
        if (!server.isAlive()) {
            throw new IllegalStateException("PostgreSQL stopped while starting");
        }
        if (!Files.exists(file)) {
            return false;
        }
        var lines = Files.readAllLines(file);
        return lines.size() >= 8
                && lines.get(0).equals(Long.toString(server.pid()))
                && lines.get(7).trim().equals("ready");
    }

    private Process started(ProcessBuilder builder) throws IOException {
        var process = builder.start();
        processes.add(process);
        return process;
    }

    private static Path writePidFile(Path directory, long pid, Instant started) throws IOException {
        return Files.writeString(
                directory.resolve(PostmasterPidFile.NAME),
                "%d\n%s\n%d\n5432\n/tmp\nlocalhost\n  1234  5678\nready   \n"
                        .formatted(pid, directory, started.getEpochSecond()));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
