package ru.paragraf.sferum.accounts;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused without checking its password: its user name or client address is locked for a while. */
final class LoginLockedException extends AuthenticationException {

    private final Duration retryAfter;

    LoginLockedException(Duration retryAfter) {
        super("Login held back after failures in a row");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until the lock ends, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes until the lock ends, at least one: what a person is told. */
    long retryAfterMinutes() {
        return (retryAfterSeconds() + 59) / 60;
    }
}
