package ru.paragraf.sferum.exchange;

/** No module of this application provides a task type of that code. */
class UnknownTaskTypeException extends RuntimeException {

    UnknownTaskTypeException(String typeCode) {
        super("Unknown exchange task type " + typeCode);
    }
}
