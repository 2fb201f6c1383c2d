package ru.paragraf.sferum.accounts;

import org.jspecify.annotations.Nullable;

/**
 * The identity provider vouched for a person, and the application refused them: no account has the name the provider
 * gave, the provider gave none, or the account is disabled. No account is created for them.
 *
 * @param identifier the name the provider gave ({@code claim}), empty if it gave none
 * @param claim the claim the name is read from ({@code sferum.sso.username-claim})
 * @param account the account found, if it is a disabled one
 */
public record SsoLoginRefused(Reason reason, String identifier, String claim, @Nullable CurrentUser account) {

    /** Why the person was refused. */
    public enum Reason {
        UNKNOWN_ACCOUNT,
        IDENTIFIER_MISSING,
        ACCOUNT_DISABLED
    }
}
