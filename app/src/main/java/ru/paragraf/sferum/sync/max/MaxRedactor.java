package ru.paragraf.sferum.sync.max;

/**
 * Masks the bot token wherever it appears in text from MAX: its error messages quote input now and then (an
 * {@code Invalid access_token: …} must not carry the token into a log or an exception).
 */
final class MaxRedactor {

    private final MaxToken token;

    MaxRedactor(MaxToken token) {
        this.token = token;
    }

    String redact(String text) {
        return text.replace(token.value(), token.masked());
    }
}
