package ru.paragraf.sferum;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application started as docs/operations.md starts it in production: a JVM of its own whose environment holds
 * exactly the given settings (plus PATH and HOME), with the application's classpath but not the test classes, so
 * that no test-only configuration (the tests' encryption key) reaches it.
 */
final class ProductionProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final long startedAt = System.nanoTime();

    private ProductionProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ProductionProcess start(Path folder, Path log, Map<String, String> environment) {
        var command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                applicationClassPath(),
                SferumApplication.class.getName());
        var builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var inherited = builder.environment();
        var path = inherited.get("PATH");
        var home = inherited.get("HOME");
        inherited.clear();
        inherited.put("PATH", path == null ? "/usr/bin:/bin" : path);
        inherited.put("HOME", home == null ? folder.toString() : home);
        inherited.putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new ProductionProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the health endpoint until it answers 200; returns how long the start took. */
    Duration awaitHealthy(int port, Duration within) {
        var http = HttpClient.newHttpClient();
        var deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The application ended with %d before it answered; its log:%n%s"
                        .formatted(process.exitValue(), log()));
            }
            try {
                var health = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause();
        }
        throw new AssertionError("The application did not answer within " + within + "; its log:\n" + log());
    }

    /** Waits until the JVM ends by itself; returns its exit code. */
    int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The application still runs after " + within + "; its log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String applicationClassPath() {
        var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
