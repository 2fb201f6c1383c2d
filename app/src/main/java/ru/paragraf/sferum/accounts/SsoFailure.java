package ru.paragraf.sferum.accounts;

import java.io.Serializable;

/**
 * Why a login through the identity provider ended without a session, as the page {@code /login/sso-failure} explains
 * it to the person. Kept in the session between the failed callback and that page.
 *
 * @param identifier the name the provider gave, for the refusals; empty otherwise
 * @param claim the claim that name is read from
 */
record SsoFailure(Kind kind, String identifier, String claim) implements Serializable {

    static final String SESSION_ATTRIBUTE = SsoFailure.class.getName();

    /** What went wrong; each has its own Russian text ({@code sso.failure.<kind>.*}). */
    enum Kind {
        /** The provider vouched for a person without an account here. */
        UNKNOWN_ACCOUNT,
        /** The provider gave no value of the configured claim. */
        IDENTIFIER_MISSING,
        /** The person's account is disabled. */
        ACCOUNT_DISABLED,
        /** The person cancelled at the provider, or the provider refused them. */
        CANCELLED,
        /** The login was not finished in this session: started elsewhere, too long ago, or the callback replayed. */
        INTERRUPTED,
        /** The provider could not be reached or refused this application (e.g. a wrong client secret). */
        PROVIDER_FAILED
    }
}
