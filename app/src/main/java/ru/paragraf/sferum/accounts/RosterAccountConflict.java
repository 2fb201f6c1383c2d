package ru.paragraf.sferum.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A person of the school data who did not get the login the data gives them: {@code keptLogin} is the login of the
 * account they keep (null when they have none, so they got no account).
 */
public record RosterAccountConflict(Reason reason, String reference, String login, @Nullable String keptLogin) {

    public enum Reason {
        /** Two or more people of the same data have this login: none of them gets it. */
        SAME_LOGIN_IN_DATA,
        /** The login belongs to the account of another person (or a local account). */
        LOGIN_OF_ANOTHER_ACCOUNT,
        /** The login belongs to an operator's account. */
        LOGIN_OF_OPERATOR
    }
}
