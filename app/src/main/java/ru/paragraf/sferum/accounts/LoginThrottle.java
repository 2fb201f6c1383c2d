package ru.paragraf.sferum.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds password logins back after failures in a row, per user name and per client address
 * ({@link LoginThrottleProperties}). A user name is throttled whether an account has it or not, so a lock tells
 * nobody that the account exists; it is kept only as a hash, case-insensitively. A locked key is refused before its
 * password is checked: that costs no bcrypt, counts as no failure, and a right password does not reset it.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginAttempts attempts;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottle(LoginAttempts attempts, LoginThrottleProperties properties, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Lets an attempt through to the password check, or refuses it while its user name or address is locked. */
    Attempt admit(String username, String address) {
        var attempt = new Attempt(accountKey(username), "address:" + address, false);
        if (!properties.enabled()) {
            return attempt;
        }
        var rows = attempts.of(attempt.accountKey(), attempt.addressKey());
        var now = clock.instant();
        var lockedUntil = rows.stream()
                .map(LoginAttempts.Row::lockedUntil)
                .filter(Objects::nonNull)
                .filter(now::isBefore)
                .max(Instant::compareTo);
        if (lockedUntil.isPresent()) {
            throw new LoginLockedException(Duration.between(now, lockedUntil.get()));
        }
        var onRecord = rows.stream().anyMatch(row -> row.key().equals(attempt.accountKey()));
        return new Attempt(attempt.accountKey(), attempt.addressKey(), onRecord);
    }

    /** A wrong password (or an unknown or disabled account): one more failure of the user name and the address. */
    @Transactional
    void failed(Attempt attempt) {
        if (properties.enabled()) {
            count(attempt.accountKey(), properties.accountAttempts());
            count(attempt.addressKey(), properties.addressAttempts());
        }
    }

    /** A right password: the user name's failures are forgotten (the address's are not: see docs/reliability.md). */
    void succeeded(Attempt attempt) {
        if (attempt.accountOnRecord()) {
            attempts.forget(attempt.accountKey());
        }
    }

    /** Lifts the lock of a user name and forgets its failures; whether it had any. */
    boolean lift(String username) {
        return attempts.forget(accountKey(username));
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void forgetQuietKeys() {
        var now = clock.instant();
        var forgotten = attempts.forgetQuietSince(now.minus(properties.forgetAfter()), now);
        if (forgotten > 0) {
            log.info("Forgot the failed logins of {} keys quiet for {}", forgotten, properties.forgetAfter());
        }
    }

    private void count(String key, int freeAttempts) {
        var now = clock.instant();
        var failures = attempts.countFailure(key, now, now.minus(properties.forgetAfter()));
        var lock = properties.lockAfter(failures, freeAttempts);
        if (!lock.isZero()) {
            attempts.lockUntil(key, now.plus(lock));
        }
    }

    /** The key of a user name: a hash, so that what an attacker types is never stored and any length fits. */
    static String accountKey(String username) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "account:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One login attempt's keys; whether its user name had failures on record when it was admitted. */
    record Attempt(String accountKey, String addressKey, boolean accountOnRecord) {}
}
