package ru.paragraf.sferum.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A gate the crash tests hold on the claim of operations of some kinds, so that a node can be killed at a point
 * between two of its operations that is otherwise milliseconds long: "the old call recorded finished, the new start
 * not claimed yet". A trigger of the test's database (not of the product) makes a claim of a gated kind (PENDING to
 * RUNNING) wait for an advisory lock that this gate holds on a connection of its own; the claim is then seen waiting
 * in {@code pg_stat_activity}. Operations of other kinds, and all kinds while nothing is held, pass at once.
 */
final class ClaimGate implements AutoCloseable {

    private static final long LOCK = 7_717_017L;

    private final DataSource dataSource;
    private Connection held;

    private ClaimGate(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the gate's table and trigger in the test's database, holding nothing. */
    static ClaimGate install(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table if not exists public.crash_test_claim_gate (kind text primary key)");
            statement.execute(
                    """
                    create or replace function public.crash_test_claim_gate() returns trigger language plpgsql as $$
                    begin
                        if old.status = 'PENDING' and new.status = 'RUNNING'
                           and exists (select 1 from public.crash_test_claim_gate g where g.kind = new.kind) then
                            perform pg_advisory_xact_lock_shared(%d);
                        end if;
                        return new;
                    end $$"""
                            .formatted(LOCK));
            statement.execute("drop trigger if exists crash_test_claim_gate on sync.operation");
            statement.execute(
                    """
                    create trigger crash_test_claim_gate before update on sync.operation
                    for each row execute function public.crash_test_claim_gate()""");
        }
        return new ClaimGate(dataSource);
    }

    /** Claims of these kinds wait from now on, until {@link #release()}. */
    void hold(Set<String> kinds) throws SQLException {
        held = dataSource.getConnection();
        try (var statement = held.createStatement()) {
            statement.execute("select pg_advisory_lock(%d)".formatted(LOCK));
            for (var kind : kinds) {
                statement.execute("insert into public.crash_test_claim_gate values ('%s')".formatted(kind));
            }
        }
    }

    /** Whether a node's claim waits at the gate. */
    boolean waiting() throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select count(*) from pg_stat_activity where wait_event = 'advisory' and state = 'active'")) {
            result.next();
            return result.getInt(1) > 0;
        }
    }

    /** Lets every claim through: the waiting one of a killed node goes on, finds its client gone and rolls back. */
    void release() throws SQLException {
        if (held == null) {
            return;
        }
        try (var statement = held.createStatement()) {
            statement.execute("delete from public.crash_test_claim_gate");
            statement.execute("select pg_advisory_unlock(%d)".formatted(LOCK));
        } finally {
            held.close();
            held = null;
        }
    }

    /** Releases the claims and removes the trigger, its function and its table. */
    @Override
    public void close() throws SQLException {
        release();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("drop trigger if exists crash_test_claim_gate on sync.operation");
            statement.execute("drop function if exists public.crash_test_claim_gate()");
            statement.execute("drop table if exists public.crash_test_claim_gate");
        }
    }
}
