package ru.paragraf.sferum.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed logins in a row per throttled key, in PostgreSQL so that every node sees the same counts: an increment is
 * one atomic upsert, and a lock only ever grows ({@code greatest}), so two nodes failing one key at once both count
 * and the longer lock wins.
 */
@Repository
class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of the given keys: whether each has failures on record, and until when it is locked. */
    List<Row> of(String accountKey, String addressKey) {
        return jdbc.sql(
                        """
                        select throttle_key, locked_until from accounts.login_throttle
                        where throttle_key in (:account, :address)
                        """)
                .param("account", accountKey)
                .param("address", addressKey)
                .query((rs, row) -> {
                    var until = rs.getObject("locked_until", OffsetDateTime.class);
                    return new Row(rs.getString("throttle_key"), until == null ? null : until.toInstant());
                })
                .list();
    }

    /**
     * Counts one more failure of a key and returns the failures in a row; a key whose last failure is older than
     * {@code forgetBefore} starts again at one.
     */
    int countFailure(String key, Instant now, Instant forgetBefore) {
        return jdbc.sql(
                        """
                        insert into accounts.login_throttle as t (throttle_key, failures, last_failure_at)
                        values (:key, 1, :now)
                        on conflict (throttle_key) do update
                            set failures = case when t.last_failure_at < :forgetBefore then 1 else t.failures + 1 end,
                                last_failure_at = :now
                        returning failures
                        """)
                .param("key", key)
                .param("now", utc(now))
                .param("forgetBefore", utc(forgetBefore))
                .query(Integer.class)
                .single();
    }

    /** Locks a key until {@code until}, unless it is already locked for longer. */
    void lockUntil(String key, Instant until) {
        jdbc.sql(
                        """
                        update accounts.login_throttle set locked_until = greatest(locked_until, :until)
                        where throttle_key = :key
                        """)
                .param("key", key)
                .param("until", utc(until))
                .update();
    }

    /** Forgets a key's failures and lock; whether it had any. */
    boolean forget(String key) {
        return jdbc.sql("delete from accounts.login_throttle where throttle_key = :key")
                        .param("key", key)
                        .update()
                > 0;
    }

    /** Deletes the rows of keys that are not locked and have not failed since {@code before}. */
    int forgetQuietSince(Instant before, Instant now) {
        return jdbc.sql(
                        """
                        delete from accounts.login_throttle
                        where last_failure_at < :before and (locked_until is null or locked_until < :now)
                        """)
                .param("before", utc(before))
                .param("now", utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A key with failures on record, and its lock if it has one. */
    record Row(String key, @org.jspecify.annotations.Nullable Instant lockedUntil) {

        Optional<Instant> lock() {
            return Optional.ofNullable(lockedUntil);
        }
    }
}
