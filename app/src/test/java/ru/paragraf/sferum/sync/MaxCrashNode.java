package ru.paragraf.sferum.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.maxemulator.MaxEmulator;

/**
 * What the MAX crash tests share: an application node in a JVM of its own on the test's database, with the MAX
 * emulator of the test JVM and a quick inbox; a lock the test holds for a step of the node to wait for; and how a
 * kill point is recognized — a statement of the node waiting for a lock, or a state, never a time.
 */
final class MaxCrashNode {

    /** How long a kill point, or the state after a restart, may take on a busy machine. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private MaxCrashNode() {}

    /** A node of the test's database, polling the emulator's bots, with {@code more} arguments of its own. */
    static AppNode node(String name, Environment environment, MaxEmulator max, String... more) {
        var arguments = new ArrayList<>(List.of(
                "--sferum.max.api-url=" + max.baseUrl(),
                "--sferum.max.inbox.lease-check=200ms",
                "--sferum.max.inbox.lease=3s",
                "--sferum.max.inbox.poll-timeout=1s",
                "--sferum.max.inbox.poll-backoff=200ms",
                "--sferum.max.inbox.dispatch-interval=200ms",
                "--logging.level.ru.paragraf.sferum.sync.max=INFO"));
        arguments.addAll(List.of(more));
        return new AppNode(
                name,
                environment.getRequiredProperty("spring.datasource.url"),
                "http://127.0.0.1:9",
                "1",
                arguments.toArray(String[]::new));
    }

    /** A connection of the test holding what a kill point's step waits for, in a transaction; none for null. */
    static final class Lock implements AutoCloseable {

        private final @Nullable Connection connection;

        private Lock(@Nullable Connection connection) {
            this.connection = connection;
        }

        /** Lets the waiting step go on (the node is dead by then, or is meant to go on). */
        void release() throws SQLException {
            if (connection != null) {
                connection.rollback();
            }
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        }
    }

    /** Runs {@code statement} (a lock) in a transaction of the test's that stays open; null: no lock. */
    static Lock lock(DataSource dataSource, @Nullable String statement) throws SQLException {
        if (statement == null) {
            return new Lock(null);
        }
        var connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var executed = connection.createStatement()) {
            executed.execute(statement);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new Lock(connection);
    }

    /** A statement of another session, starting so ({@code %} as in LIKE), waits for a lock. */
    static boolean waiting(JdbcClient jdbc, String statement) {
        return jdbc.sql(
                                """
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and state = 'active' and pid <> pg_backend_pid()
                          and ltrim(query) ilike :statement""")
                        .param("statement", statement + "%")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Waits until {@code reached}, checking often; past {@link #PATIENCE} fails with {@code what} and the state. */
    static void await(String what, BooleanSupplier reached, Supplier<String> state) {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not reached in " + PATIENCE + ": " + state.get());
            }
            AppNode.pause(10);
        }
    }

    static int count(JdbcClient jdbc, String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
