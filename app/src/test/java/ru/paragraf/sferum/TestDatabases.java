package ru.paragraf.sferum;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server for the whole test JVM, and a fresh database for each caller. Tests never use
 * H2: they run against the same database engine as production.
 */
public final class TestDatabases {

    private static final AtomicInteger counter = new AtomicInteger();
    private static final Object leases = new Object();
    private static int openContexts;
    private static EmbeddedPostgres server;

    private TestDatabases() {}

    /**
     * The server, started on first use on a free port. It stops when the JVM exits, but only after the Spring
     * test contexts using it have closed: their shutdown still talks to the database.
     */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "500")
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(TestDatabases::stopWhenContextsClosed, "test-postgres-stop"));
        }
        return server;
    }

    /** A Spring context started using the server. */
    static void acquire() {
        synchronized (leases) {
            openContexts++;
        }
    }

    /** A Spring context using the server closed. */
    static void release() {
        synchronized (leases) {
            openContexts--;
            leases.notifyAll();
        }
    }

    private static void stopWhenContextsClosed() {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (leases) {
            while (openContexts > 0 && System.nanoTime() < deadline) {
                try {
                    leases.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public static String createDatabase(String purpose) {
        var name = "test_%s_%d".formatted(purpose.replaceAll("[^a-z0-9]", "_"), counter.incrementAndGet());
        try (var connection = server().getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return "jdbc:postgresql://localhost:%d/%s".formatted(server().getPort(), name);
    }
}
