package ru.paragraf.sferum.linkbase;

import java.util.Objects;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * A community access token of Sferum: a secret that leaves the server never. Its {@code toString()} is masked
 * ({@code vk1.a.****…9f3c}); only code that calls VK reads {@link #value()}.
 */
public record SferumToken(String value) {

    public SferumToken {
        Objects.requireNonNull(value, "value");
    }

    /** Enough to recognise the token, never enough to use it. */
    public String masked() {
        return SecretMask.mask(value);
    }

    @Override
    public String toString() {
        return "SferumToken[" + masked() + "]";
    }
}
