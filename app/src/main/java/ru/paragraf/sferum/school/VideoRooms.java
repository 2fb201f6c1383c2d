package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * A school's standing video rooms, one per journal, given as a URL template of an external video service (for a school
 * whose messenger cannot start calls): {@value #PLACEHOLDER} in it is replaced by the journal's id, a value that never
 * changes for the journal. The template is checked as a pasted link is ({@link VideoLinks}), with a journal's id in
 * its place.
 */
@Component
class VideoRooms {

    static final String PLACEHOLDER = "{journal}";

    /** The stand-in a template is checked with: as long as any journal's id. */
    private static final UUID SAMPLE = new UUID(0, 0);

    private final VideoLinks links;

    VideoRooms(VideoLinks links) {
        this.links = links;
    }

    /** The template as stored (stripped; null for a blank one: the pasted links only), or a rejection on {@code field}. */
    @Nullable
    String check(@Nullable String raw, Errors errors, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var template = raw.strip();
        if (!template.contains(PLACEHOLDER)) {
            errors.rejectValue(field, "chatPolicy.videoRoom.placeholder", new Object[] {PLACEHOLDER}, null);
            return null;
        }
        var before = errors.getErrorCount();
        links.check(roomOf(template, SAMPLE), errors, field);
        return errors.getErrorCount() == before ? template : null;
    }

    /** The journal's room by the template. */
    static String roomOf(String template, UUID journal) {
        return template.replace(PLACEHOLDER, journal.toString());
    }
}
