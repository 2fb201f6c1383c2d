package ru.paragraf.sferum.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One lock per task across the cluster, held while a node executes the task: a PostgreSQL session advisory lock on
 * a connection of its own. Quartz's non-concurrent jobs are the first line, but its cluster can fire two triggers
 * of one job at once (quartz-scheduler/quartz#674); the lock makes that harmless. PostgreSQL itself releases the
 * lock when the holder's session ends, so a crashed node never keeps it: the session's TCP keepalives are set so
 * that even a vanished machine is noticed within about half a minute.
 */
@Component
class TaskLocks {

    private static final Logger log = LoggerFactory.getLogger(TaskLocks.class);
    /** The first half of every key: «EXCH», so that other modules' advisory locks never collide with these. */
    private static final int NAMESPACE = 0x45584348;

    private final DataSource dataSource;

    TaskLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The task's lock, or empty when some node (this one included) executes the task now. */
    Optional<Held> tryLock(UUID task) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5;"
                        + " set tcp_keepalives_count = 3");
            }
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, NAMESPACE);
                statement.setInt(2, task.hashCode());
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            release(connection);
            return Optional.empty();
        } catch (SQLException e) {
            if (connection != null) {
                discard(connection);
            }
            throw new IllegalStateException("Cannot lock exchange task " + task, e);
        }
    }

    private static void release(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock_all(); reset tcp_keepalives_idle;"
                    + " reset tcp_keepalives_interval; reset tcp_keepalives_count");
        }
        connection.close();
    }

    /** A connection whose lock could not be released cleanly must not go back to the pool still holding it. */
    private static void discard(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            log.warn("Could not abort the connection of an exchange task lock", e);
        }
    }

    /** A held lock; closing it releases the lock. */
    static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try {
                release(connection);
            } catch (SQLException e) {
                log.warn("Could not release an exchange task lock cleanly; dropping its connection", e);
                discard(connection);
            }
        }
    }
}
