package ru.paragraf.sferum;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The java command of an application node that a test starts in a JVM of its own (a crash test's node, a cluster's
 * second node): the test JVM's class path with each class directory packed into a jar, and a class-data-sharing
 * archive of the classes a node loads, so that every start and every restart after a SIGKILL maps them instead of
 * parsing and verifying them again. Every launch of a test uses the same command.
 *
 * <p>The archive is made once per build and shared by the test JVMs (a file lock, under target/nodes/cds): a training
 * node starts against a database of its own with its workers and scheduler off, answers health checks and stops
 * gracefully, and the JVM writes the classes it loaded ({@code -XX:ArchiveClassesAtExit}, JDK 13+). JDK 17 archives
 * classes from jars only, hence the packed directories. If the training fails, the command has no archive and the
 * node starts as before, only slower (the reason is printed).
 */
public final class NodeJvm {

    private static final Path ROOT = Path.of("target", "nodes", "cds");
    private static final Duration TRAINING = Duration.ofMinutes(5);

    private static Prepared prepared;

    private NodeJvm() {}

    /**
     * {@code java}, the heap, {@code -XX:TieredStopAtLevel=1}, the shared archive if there is one and the class path;
     * the caller adds the main class and its arguments.
     */
    public static synchronized List<String> command(String maxHeap) {
        if (prepared == null) {
            prepared = prepare();
        }
        var command = new ArrayList<String>();
        command.add(java());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:TieredStopAtLevel=1");
        if (prepared.archive() != null) {
            command.add("-XX:SharedArchiveFile=" + prepared.archive().toAbsolutePath());
        }
        command.add("-cp");
        command.add(prepared.classPath());
        return command;
    }

    private record Prepared(String classPath, Path archive) {}

    private static Prepared prepare() {
        var entries = List.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator));
        try {
            var folder = ROOT.resolve(key(entries));
            Files.createDirectories(folder);
            try (var channel = FileChannel.open(
                            ROOT.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var lock = channel.lock()) {
                var classPath = packed(entries, folder);
                var archive = folder.resolve("node.jsa");
                var log = folder.resolve("training.log");
                if (!Files.exists(archive) && !Files.exists(log)) { // one training per build, even a failed one
                    train(classPath, archive, log);
                }
                return new Prepared(classPath, Files.exists(archive) ? archive : null);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("Node JVMs start without a class-data-sharing archive: " + e);
            return new Prepared(String.join(File.pathSeparator, entries), null);
        }
    }

    /** The class path with every directory replaced by a jar of it (made once, beside the archive). */
    private static String packed(List<String> entries, Path folder) throws IOException {
        var result = new ArrayList<String>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = Path.of(entries.get(i));
            if (!Files.isDirectory(entry)) {
                result.add(entries.get(i));
                continue;
            }
            var jar = folder.resolve("%02d-%s.jar"
                    .formatted(i, entry.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9]+", "-")));
            if (!Files.exists(jar)) {
                pack(entry, jar);
            }
            result.add(jar.toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, result);
    }

    private static void pack(Path directory, Path jar) throws IOException {
        var partial = jar.resolveSibling(jar.getFileName() + ".part");
        try (var out = new JarOutputStream(Files.newOutputStream(partial));
                Stream<Path> files = Files.walk(directory)) {
            for (var file : (Iterable<Path>) files.sorted()::iterator) {
                var name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        Files.move(partial, jar);
    }

    /** A node on a database of its own, its work off, started and stopped gracefully so that its JVM writes the archive. */
    private static void train(String classPath, Path archive, Path log) throws IOException {
        var port = freePort();
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
        command.addAll(List.of("-cp", classPath, SferumApplication.class.getName()));
        command.addAll(List.of(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + TestDatabases.createDatabase("cds"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--sferum.vk.api-url=http://localhost:9",
                "--sferum.vk.id-url=http://localhost:9",
                "--sferum.vkid.client-id=1",
                "--sferum.sync.workers-enabled=false",
                "--spring.quartz.auto-startup=false",
                "--logging.level.root=WARN"));
        var started = System.nanoTime();
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitHealthy(process, port, log);
            process.destroy(); // SIGTERM: the JVM exits normally and writes the archive on its way out
            if (!process.waitFor(TRAINING.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The training node did not stop; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
        System.out.printf(
                "Class-data-sharing archive of a node's classes: %s, %d MB, made in %.1f s%n",
                archive, Files.exists(archive) ? Files.size(archive) >> 20 : 0, (System.nanoTime() - started) / 1e9);
    }

    private static void awaitHealthy(Process process, int port, Path log) throws InterruptedException {
        var deadline = System.nanoTime() + TRAINING.toNanos();
        var client = HttpClient.newHttpClient();
        var health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The training node did not start; see " + log);
            }
            Thread.sleep(200); // polling with a deadline
        }
    }

    /** Changes with the class path and with any change of a class directory, so a stale archive is never used. */
    private static String key(List<String> entries) throws IOException {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(java().getBytes(StandardCharsets.UTF_8));
            for (var entry : entries) {
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
                var path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        for (var file : (Iterable<Path>) files.sorted()::iterator) {
                            digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                            digest.update(Long.toString(
                                            Files.getLastModifiedTime(file).toMillis() + 31 * Files.size(file))
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
