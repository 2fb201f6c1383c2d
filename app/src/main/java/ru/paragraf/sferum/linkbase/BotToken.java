package ru.paragraf.sferum.linkbase;

import java.util.Objects;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * A school's MAX bot token: a secret that leaves the server never. Its {@code toString()} is masked; only code that
 * calls MAX reads {@link #value()}.
 */
public record BotToken(String value) {

    public BotToken {
        Objects.requireNonNull(value, "value");
    }

    /** Enough to recognise the token, never enough to use it. */
    public String masked() {
        return SecretMask.mask(value);
    }

    @Override
    public String toString() {
        return "BotToken[" + masked() + "]";
    }
}
