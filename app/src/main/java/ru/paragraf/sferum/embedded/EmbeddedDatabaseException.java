package ru.paragraf.sferum.embedded;

/** The embedded PostgreSQL could not start; carries what went wrong and what the operator can do. */
class EmbeddedDatabaseException extends RuntimeException {

    private final String action;

    EmbeddedDatabaseException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    EmbeddedDatabaseException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
