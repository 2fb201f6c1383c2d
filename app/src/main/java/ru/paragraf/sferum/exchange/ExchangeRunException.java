package ru.paragraf.sferum.exchange;

/** Fails a run with a message for the user, e.g. that the organization's credentials are not verified. */
public class ExchangeRunException extends RuntimeException {

    /** @param userMessage the Russian text shown on the run page; see {@link ExchangeRun#text(String, Object...)} */
    public ExchangeRunException(String userMessage) {
        super(userMessage);
    }

    public ExchangeRunException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
