package ru.paragraf.sferum;

import java.util.Locale;

/**
 * What was wrong with a request refused before any controller saw it; the API's problem detail says so
 * ({@code api.problem.refused.<name>}). Pages show the Russian error page of the status.
 */
enum Refusal {

    /** The query string or a form body is not percent-encoded UTF-8, or holds more parameters than allowed. */
    PARAMETERS(400, true),
    /** A multipart body that cannot be read: no boundary, cut off, too many parts or too long part headers. */
    MULTIPART(400, true),
    /** A form or multipart body above the size limits. */
    TOO_LARGE(413, true),
    /** A Content-Type that is not one concrete media type: a wildcard, a parameter that does not parse, garbage. */
    CONTENT_TYPE(415, true),
    /** An Accept header that does not parse as a list of media types. */
    ACCEPT(406, true),
    /** A URL the firewall refuses: an encoded slash, percent or period, {@code ;}, {@code //}, control characters. */
    URL(400, false),
    /** A request Tomcat could not parse: its request line, the URL's encoding or a header. */
    REQUEST(400, false);

    private final int status;
    private final boolean pathIsValid;

    Refusal(int status, boolean pathIsValid) {
        this.status = status;
        this.pathIsValid = pathIsValid;
    }

    int status() {
        return status;
    }

    /** Whether the path may be echoed as the problem's {@code instance}: not when the path itself was refused. */
    boolean pathIsValid() {
        return pathIsValid;
    }

    String messageKey() {
        return "api.problem.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
