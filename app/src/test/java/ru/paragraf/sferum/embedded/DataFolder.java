package ru.paragraf.sferum.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL of a data folder seen from outside the application, as an operator's psql would see it:
 * found through its {@code postmaster.pid}, queried directly, and stopped when a test ends however it ended.
 */
final class DataFolder implements AutoCloseable {

    private final Path directory;
    private @Nullable Connection connection;
    private long connectedTo;

    DataFolder(Path directory) {
        this.directory = directory;
    }

    /** The server's lock file, if a server runs or a previous one did not stop cleanly. */
    Optional<PostmasterPidFile> pidFile() {
        return PostmasterPidFile.in(directory);
    }

    /** The running server of the folder, if any: a live PostgreSQL started with {@code -D} this folder. */
    Optional<ProcessHandle> server() {
        return pidFile()
                .flatMap(file -> ProcessHandle.of(file.pid()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> PreviousServer.isServerOf(process, directory.toAbsolutePath()));
    }

    /** A number from the application's database; connects to the server the pid file names now. */
    long number(String sql) throws SQLException {
        try (var statement = connection().createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The first column of the first row, as text. */
    @Nullable
    String text(String sql) throws SQLException {
        try (var statement = connection().createStatement();
                var result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    void execute(String sql) throws SQLException {
        try (var statement = connection().createStatement()) {
            statement.execute(sql);
        }
    }

    /** Like {@link #number}, but false instead of an exception while the server or the database is not there yet. */
    boolean holds(String sql) {
        try {
            return number(sql) > 0;
        } catch (SQLException | RuntimeException e) {
            disconnect();
            return false;
        }
    }

    /** Drops the connection, e.g. before the application stops the server it points to. */
    void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server is gone already
            }
            connection = null;
        }
    }

    /** Stops a server left running on the folder (PostgreSQL's immediate shutdown), so that no test leaves one. */
    @Override
    public void close() throws IOException, InterruptedException {
        disconnect();
        var server = server();
        if (server.isEmpty()) {
            return;
        }
        new ProcessBuilder("kill", "-QUIT", Long.toString(server.get().pid()))
                .start()
                .waitFor();
        try {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.get().descendants().forEach(ProcessHandle::destroyForcibly);
            server.get().destroyForcibly();
        }
    }

    private Connection connection() throws SQLException {
        var file = pidFile().orElseThrow(() -> new SQLException("No PostgreSQL runs on " + directory));
        if (connection != null && connectedTo == file.pid() && connection.isValid(2)) {
            return connection;
        }
        disconnect();
        var url = "jdbc:postgresql://localhost:%d/sferum?connectTimeout=2&socketTimeout=30".formatted(file.port());
        connection = DriverManager.getConnection(url, "postgres", "");
        connectedTo = file.pid();
        return connection;
    }
}
