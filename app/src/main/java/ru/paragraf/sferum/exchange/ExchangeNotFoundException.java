package ru.paragraf.sferum.exchange;

/** The organization, task or run does not exist, or the person may not see it: both look the same to them. */
class ExchangeNotFoundException extends RuntimeException {

    ExchangeNotFoundException(String what) {
        super(what + " not found or not visible");
    }
}
