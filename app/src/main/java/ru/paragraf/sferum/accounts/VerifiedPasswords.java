package ru.paragraf.sferum.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hashes, with the last few minutes' successful checks remembered. HTTP Basic checks the password
 * at every API call, and a bcrypt check costs tens of milliseconds of CPU by design: a school system calling
 * the API twice a second took a tenth of a two-CPU machine (docs/benchmarks.md, city benchmark).
 *
 * <p>A check that succeeded is remembered as an HMAC of the stored hash and the password, under a key that lives
 * in this process only; neither the password nor anything that opens the key is kept. The stored hash is part of
 * what is remembered, so a changed password is checked afresh at once. A wrong password is never remembered and
 * always pays the full check. Whether the account is enabled is still read at every login.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private final PasswordEncoder hashes;
    private final SecretKeySpec key;
    private final Cache<String, Boolean> verified;

    VerifiedPasswords(PasswordEncoder hashes, Duration remembered, long maximum) {
        this.hashes = hashes;
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(remembered)
                .maximumSize(maximum)
                .build();
    }

    @Override
    public @Nullable String encode(CharSequence rawPassword) {
        return hashes.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return hashes.matches(rawPassword, encodedPassword);
        }
        var check = digest(encodedPassword, rawPassword);
        if (verified.getIfPresent(check) != null) {
            return true;
        }
        var matches = hashes.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(check, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }

    private String digest(String encodedPassword, CharSequence rawPassword) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
