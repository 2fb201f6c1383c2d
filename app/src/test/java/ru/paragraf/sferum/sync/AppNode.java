package ru.paragraf.sferum.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ru.paragraf.sferum.NodeJvm;
import ru.paragraf.sferum.SferumApplication;

/**
 * The whole application in a JVM of its own, against a given database and VK: a second node of a cluster, or a
 * node to kill with SIGKILL ({@link Process#destroyForcibly()}) as a power cut or the OOM killer would.
 */
final class AppNode implements AutoCloseable {

    /** A node starts in seconds; on a machine busy with other builds, in minutes. */
    private static final Duration START = Duration.ofMinutes(5);

    private final String name;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private int port;
    private long launchedAt;

    /** A node with the cluster's arguments and {@code more} of its own (other keys: Spring joins a repeated one). */
    AppNode(String name, String databaseUrl, String vkUrl, String vkIdClient, String... more) {
        this.name = name;
        var common = List.of(
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--sferum.vk.api-url=" + vkUrl,
                "--sferum.vk.id-url=" + vkUrl,
                "--sferum.vkid.client-id=" + vkIdClient,
                "--sferum.sync.pump-interval=100ms",
                "--sferum.sync.backoff=200ms",
                "--sferum.sync.operation-lease=10s",
                "--sferum.sync.community-lease=5s",
                "--spring.quartz.scheduler-name=node-" + name,
                "--logging.level.root=WARN",
                "--logging.level.ru.paragraf.sferum.SferumApplication=INFO",
                "--logging.level.ru.paragraf.sferum.sync=INFO");
        var all = new ArrayList<>(common);
        all.addAll(List.of(more));
        this.arguments = List.copyOf(all);
        try {
            Files.createDirectories(Path.of("target", "nodes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = Path.of("target", "nodes", name + ".log");
    }

    /** Starts the node and waits until it answers health checks. */
    AppNode start() {
        return launch().awaitHealthy();
    }

    /**
     * Starts the node's JVM and returns at once: the caller may prepare the test while the node boots, then
     * {@link #awaitHealthy()}.
     */
    AppNode launch() {
        var command = new ArrayList<String>(NodeJvm.command("512m")); // once per build: the archive's training
        launchedAt = System.nanoTime();
        port = freePort();
        command.add(SferumApplication.class.getName());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the launched node answers health checks, and prints how long its start took. */
    AppNode awaitHealthy() {
        var deadline = launchedAt + START.toNanos();
        while (!healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " stopped during start-up; see " + log);
            }
            if (System.nanoTime() > deadline) {
                kill(); // or it lives on after the test, using the CPU and the database
                throw new IllegalStateException("Node " + name + " did not start in " + START + "; see " + log);
            }
            pause(200);
        }
        System.out.printf(
                "Node %s answers health checks %.1f s after its launch, having used %.1f s of CPU%n",
                name,
                (System.nanoTime() - launchedAt) / 1e9,
                process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L) / 1e3);
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, no chance to finish a write. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Node " + name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The HTTP port of the latest launch. */
    int port() {
        return port;
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    private boolean healthy() {
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
