package ru.paragraf.sferum.school.oneroster;

/**
 * The upload cannot be read as a package at all: not a ZIP, damaged, empty or too large. {@code reason} names the
 * message {@code oneroster.malformed.<reason>}.
 */
class MalformedPackageException extends RuntimeException {

    private final String reason;
    private final boolean tooLarge;

    private MalformedPackageException(String reason, boolean tooLarge) {
        super("OneRoster package rejected: " + reason);
        this.reason = reason;
        this.tooLarge = tooLarge;
    }

    static MalformedPackageException because(String reason) {
        return new MalformedPackageException(reason, false);
    }

    static MalformedPackageException tooLarge() {
        return new MalformedPackageException("tooLarge", true);
    }

    String reason() {
        return reason;
    }

    boolean isTooLarge() {
        return tooLarge;
    }
}
