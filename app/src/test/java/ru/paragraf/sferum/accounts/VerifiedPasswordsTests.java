package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A successful password check is remembered; a wrong or changed password always gets the full bcrypt check. */
class VerifiedPasswordsTests {

    /** bcrypt at its lowest cost, counting its checks. */
    static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    final CountingBcrypt bcrypt = new CountingBcrypt();
    final VerifiedPasswords passwords = new VerifiedPasswords(bcrypt, Duration.ofMinutes(5), 100);

    @Test
    void theSecondCheckOfTheRightPasswordSkipsBcrypt() {
        var hash = passwords.encode("Секрет-2026");

        assertThat(passwords.matches("Секрет-2026", hash)).isTrue();
        assertThat(passwords.matches("Секрет-2026", hash)).isTrue();

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndCheckedInFullEveryTime() {
        var hash = passwords.encode("Секрет-2026");
        passwords.matches("Секрет-2026", hash);

        assertThat(passwords.matches("секрет-2026", hash)).isFalse();
        assertThat(passwords.matches("секрет-2026", hash)).isFalse();

        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aChangedPasswordIsCheckedAfreshAndTheOldOneNoLongerOpens() {
        var old = passwords.encode("Старый-пароль");
        passwords.matches("Старый-пароль", old);
        var changed = passwords.encode("Новый-пароль");

        assertThat(passwords.matches("Старый-пароль", changed)).isFalse();
        assertThat(passwords.matches("Новый-пароль", changed)).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void theSamePasswordOfAnotherAccountIsItsOwnCheck() {
        var first = passwords.encode("Общий-пароль");
        var second = passwords.encode("Общий-пароль");
        passwords.matches("Общий-пароль", first);

        assertThat(passwords.matches("Общий-пароль", second)).isTrue();

        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void aCheckIsForgottenAfterItsTime() throws InterruptedException {
        var brief = new VerifiedPasswords(bcrypt, Duration.ofMillis(50), 100);
        var hash = brief.encode("Секрет-2026");
        brief.matches("Секрет-2026", hash);

        Thread.sleep(120);

        assertThat(brief.matches("Секрет-2026", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }
}
