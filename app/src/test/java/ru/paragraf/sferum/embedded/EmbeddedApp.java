package ru.paragraf.sferum.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import ru.paragraf.sferum.SferumApplication;

/**
 * The application in the embedded default, in a JVM of its own whose working directory is the given folder, as
 * {@code java -jar} runs it for a newcomer: the database lives in {@code data/pg} of that folder. Killed with SIGKILL
 * ({@link Process#destroyForcibly()}), as a crash, the OOM killer or a power cut of the JVM alone would.
 *
 * <p>The classpath is the test run's without the test classes, so that no test-only configuration reaches it.
 */
final class EmbeddedApp implements AutoCloseable {

    private final Path folder;
    private final Path logDirectory;
    private final int port;
    private final List<String> arguments;
    private final List<Path> logs = new ArrayList<>();
    private Process process;
    private long startedAt;

    /** The application of a folder; each launch logs to {@code <logDirectory>/<name>.log}. */
    EmbeddedApp(Path folder, Path logDirectory, int port, List<String> arguments) {
        this.folder = folder;
        this.logDirectory = logDirectory;
        this.port = port;
        this.arguments = List.copyOf(arguments);
    }

    /** Starts a JVM with the common arguments and these, without waiting for it. */
    EmbeddedApp launch(String name, String... more) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath()));
        command.add(SferumApplication.class.getName());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        command.addAll(Arrays.asList(more));
        var log = logDirectory.resolve(name + ".log");
        logs.add(log);
        try {
            Files.createDirectories(logDirectory);
            startedAt = System.nanoTime();
            process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the application answers its health check; returns how long it took since the launch. */
    Duration awaitHealthy(Duration within) {
        await("answers /actuator/health", within, this::healthy);
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Waits until the JVM ends by itself; returns its exit code and how long it lived. */
    Ended awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The application still runs after " + within + "; see " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Ended(process.exitValue(), Duration.ofNanos(System.nanoTime() - startedAt));
    }

    record Ended(int exitCode, Duration after) {}

    /** Polls the condition until it holds; fails when the JVM ended meanwhile or the time is up. */
    void await(String what, Duration within, BooleanSupplier condition) {
        var deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The application ended (exit code %d) before it %s; see %s"
                        .formatted(process.exitValue(), what, log()));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The application did not %s within %s; see %s".formatted(what, within, log()));
            }
            pause(Duration.ofMillis(25));
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop of anything, the embedded PostgreSQL left as it is. */
    void kill() {
        process.destroyForcibly();
        waitForEnd(Duration.ofSeconds(30));
    }

    /** SIGTERM: the graceful shutdown a service manager or Ctrl+C asks for. */
    void stop() {
        process.destroy();
        waitForEnd(Duration.ofSeconds(90));
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    boolean healthy() {
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int port() {
        return port;
    }

    /** The log of the latest launch. */
    Path log() {
        return logs.get(logs.size() - 1);
    }

    /** The logs of every launch, one after the other. */
    String allLogs() {
        return logs.stream().map(EmbeddedApp::read).collect(Collectors.joining("\n"));
    }

    String latestLog() {
        return read(log());
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    private void waitForEnd(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The application survived the signal for " + within);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String applicationClassPath() {
        var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
