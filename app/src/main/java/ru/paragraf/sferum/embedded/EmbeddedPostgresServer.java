package ru.paragraf.sferum.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server started by the application, with its data kept in a directory. */
class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** A fast shutdown writes a checkpoint: seconds, unless the disk stalls. */
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    static EmbeddedPostgresServer start(EmbeddedProperties properties) {
        var directory = properties.dataDirectory().toAbsolutePath().normalize();
        checkDirectory(directory);
        checkPort(properties.port());
        try (var lock = DataDirectoryLock.acquire(directory)) {
            PreviousServer.clear(directory, ORPHAN_SHUTDOWN);
        }
        EmbeddedPostgres postgres;
        try {
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring stops the server after the connection pool; a JVM hook of its own would stop it while
                    // the application still shuts down and needs the database.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // zonky's defaults are for throwaway test databases (-F, synchronous_commit off): this data
                    // directory must survive a power cut, and a later -c fsync=on overrides -F
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            postgres = builder.start();
        } catch (IllegalStateException | IOException e) {
            throw new EmbeddedDatabaseException(
                    "The embedded PostgreSQL could not start with data directory %s: %s"
                            .formatted(directory, e.getMessage()),
                    "The lines of pg_ctl and postgres above say why. Make sure no other program uses this directory, "
                            + "or set sferum.embedded.database.data-directory to another directory.",
                    e);
        }
        var server = new EmbeddedPostgresServer(postgres, properties.database());
        server.createDatabaseIfMissing();
        log.info("Embedded PostgreSQL is running: {} (data in {})", server.jdbcUrl(), directory);
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), database);
    }

    String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping the embedded PostgreSQL");
        postgres.close();
    }

    private void createDatabaseIfMissing() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database \"" + database.replace("\"", "") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException(
                    "The embedded PostgreSQL started but the database '%s' could not be created: %s"
                            .formatted(database, e.getMessage()),
                    "Check sferum.embedded.database.database, or remove the data directory to start afresh.",
                    e);
        }
    }

    /**
     * Checks the data directory without creating anything: PostgreSQL's initdb runs unprivileged and needs to
     * create the directory itself.
     */
    private static void checkDirectory(Path directory) {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
                throw new EmbeddedDatabaseException(
                        "The data directory of the embedded PostgreSQL is not a writable directory: " + directory,
                        "Set sferum.embedded.database.data-directory to a writable directory.");
            }
            return;
        }
        var parent = directory.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new EmbeddedDatabaseException(
                    "The data directory of the embedded PostgreSQL cannot be created: " + directory,
                    "Set sferum.embedded.database.data-directory to a directory in a writable place.");
        }
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new EmbeddedDatabaseException(
                    "The port of the embedded PostgreSQL is not a valid TCP port: " + port,
                    "Set sferum.embedded.database.port to a number from 1 to 65535, or 0 for a free port.");
        }
        if (port == 0) {
            return;
        }
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "The port %d for the embedded PostgreSQL is already in use.".formatted(port),
                    "Stop the program that uses the port, or set sferum.embedded.database.port to a free "
                            + "port (0 picks one).",
                    e);
        }
    }
}
