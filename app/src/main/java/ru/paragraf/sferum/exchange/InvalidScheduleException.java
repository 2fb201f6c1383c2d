package ru.paragraf.sferum.exchange;

/** A schedule was refused; the message key says precisely why, in Russian. */
class InvalidScheduleException extends RuntimeException {

    private final MessageKey reason;

    InvalidScheduleException(String key, Object... arguments) {
        super("Invalid schedule: " + key);
        this.reason = new MessageKey(key, arguments);
    }

    MessageKey reason() {
        return reason;
    }
}
