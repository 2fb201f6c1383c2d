package ru.paragraf.sferum.notices;

/** A typed mail address that is not one plain address; {@link #getMessage()} is the Russian text's key. */
class InvalidMailAddressException extends RuntimeException {

    InvalidMailAddressException(String messageKey) {
        super(messageKey);
    }
}
