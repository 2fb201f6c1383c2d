package ru.paragraf.sferum.accounts;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How password logins (form and HTTP Basic) are held back after failures in a row. A key (an account's user name, or
 * a client address) gets {@code accountAttempts} (or {@code addressAttempts}) free failures; the failure that uses
 * the last of them locks the key for {@code firstLock}, and each later one for twice as long as the one before, up to
 * {@code maxLock}. A key nobody has failed on for {@code forgetAfter} starts again from nothing.
 *
 * @param enabled off only where something in front of the application throttles logins instead
 * @param accountAttempts free failures in a row of one user name
 * @param addressAttempts free failures in a row from one client address, for any user names
 */
@Validated
@ConfigurationProperties("sferum.login.throttle")
record LoginThrottleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") @Positive int accountAttempts,
        @DefaultValue("100") @Positive int addressAttempts,
        @DefaultValue("30s") Duration firstLock,
        @DefaultValue("15m") Duration maxLock,
        @DefaultValue("24h") Duration forgetAfter) {

    /** How long a key is locked after its {@code failures}-th failure in a row, given its free attempts. */
    Duration lockAfter(int failures, int freeAttempts) {
        if (failures < freeAttempts) {
            return Duration.ZERO;
        }
        var doublings = Math.min(failures - freeAttempts, 30);
        var lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}
