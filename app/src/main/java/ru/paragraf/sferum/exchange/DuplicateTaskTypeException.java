package ru.paragraf.sferum.exchange;

/** The organization has a task of this type already; a type may be added once per organization. */
class DuplicateTaskTypeException extends RuntimeException {

    private final String typeCode;

    DuplicateTaskTypeException(String typeCode) {
        super("The organization already has a task of type " + typeCode);
        this.typeCode = typeCode;
    }

    String typeCode() {
        return typeCode;
    }
}
