package ru.paragraf.sferum.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An administrator changed an account. Published synchronously in the transaction of the change, so that the audit
 * entry commits with it. Never carries a password.
 *
 * @param organization the account's school, if it belongs to one
 * @param passwordless for {@link Change#CREATED}: the account logs in only through single sign-on
 */
public record AccountChanged(
        CurrentUser actor,
        Change change,
        UUID account,
        String username,
        Role role,
        @Nullable UUID organization,
        @Nullable UUID district,
        boolean passwordless) {

    public enum Change {
        CREATED,
        DISABLED,
        ENABLED,
        PASSWORD_RESET
    }
}
