package ru.paragraf.sferum.sync.max;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link MaxUpdateHandler} of the tests, registered as a source of the application (no annotation, so that no other
 * test's context scans it): it records each handling in {@code public.max_update_seen} (created by the test) within the
 * dispatcher's transaction, so only committed handlings leave a row; and fails the next handlings of a type on demand.
 */
public class RecordingMaxHandler implements MaxUpdateHandler {

    public static final String TABLE =
            """
            create table if not exists public.max_update_seen (
                update_id   bigint      not null,
                bot_user_id bigint      not null,
                update_type text        not null,
                seen_at     timestamptz not null default clock_timestamp())""";

    /** Update type → how many of its next handlings throw (shared by the nodes of one test JVM). */
    static final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;

    public RecordingMaxHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void handle(MaxBotUpdate update) {
        jdbc.sql("insert into public.max_update_seen (update_id, bot_user_id, update_type) values (?, ?, ?)")
                .params(update.id(), update.botUserId(), update.update().updateType())
                .update();
        var left = failing.get(update.update().updateType());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException(
                    "the test fails this handling of " + update.update().updateType());
        }
    }
}
