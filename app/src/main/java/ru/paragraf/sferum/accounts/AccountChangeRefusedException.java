package ru.paragraf.sferum.accounts;

/** An account administration request that the rules refuse; nothing was changed. */
public class AccountChangeRefusedException extends RuntimeException {

    /** Why; the Russian text is {@code accounts.admin.refused.<REASON>}. */
    public enum Reason {
        /** Nobody disables their own account. */
        SELF(false),
        /** The last enabled city operator stays enabled: otherwise nobody could administer the city. */
        LAST_CITY_OPERATOR(false),
        /** The account logs in only through single sign-on and has no local password to reset. */
        NO_LOCAL_PASSWORD(false),
        USERNAME_TAKEN(false),
        USERNAME_INVALID(true),
        NAME_MISSING(true),
        /** A name with control characters: nobody types them, and PostgreSQL's text cannot hold a NUL. */
        NAME_INVALID(true),
        PASSWORD_TOO_SHORT(true),
        /** BCrypt reads 72 bytes of a password; Spring Security refuses to hash a longer one. */
        PASSWORD_TOO_LONG(true),
        /** The role or district is not one the creator may give. */
        OUT_OF_SCOPE(true),
        UNKNOWN_DISTRICT(true);

        private final boolean invalidRequest;

        Reason(boolean invalidRequest) {
            this.invalidRequest = invalidRequest;
        }

        /** Whether the request itself is wrong (rather than in conflict with the accounts as they are). */
        public boolean invalidRequest() {
            return invalidRequest;
        }

        public String messageKey() {
            return "accounts.admin.refused." + name();
        }
    }

    private final Reason reason;

    AccountChangeRefusedException(Reason reason) {
        super("Account change refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
