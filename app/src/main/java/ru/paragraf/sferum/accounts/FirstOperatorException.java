package ru.paragraf.sferum.accounts;

/**
 * The settings of the first city operator cannot be applied, so the start stops; carries what is wrong and what to
 * do, for Spring Boot's start-up failure report ({@link FirstOperatorFailureAnalyzer}). Never holds the password.
 */
class FirstOperatorException extends IllegalStateException {

    static final String DOCS = "See docs/operations.md#production-setup.";

    private final String action;

    FirstOperatorException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
