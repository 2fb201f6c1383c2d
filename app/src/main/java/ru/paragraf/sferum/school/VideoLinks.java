package ru.paragraf.sferum.school;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Checks a lesson video link a teacher pasted: at most {@value #MAX_LENGTH} characters of printable ASCII, an
 * absolute {@code https} URL without user info, to an allowed host ({@code sferum.school.video-link.allowed-hosts})
 * or a subdomain of one. A link is a plain value: the product never fetches it.
 */
@Component
@EnableConfigurationProperties(VideoLinkProperties.class)
class VideoLinks {

    static final int MAX_LENGTH = 500;

    private final VideoLinkProperties properties;

    VideoLinks(VideoLinkProperties properties) {
        this.properties = properties;
    }

    /** The link as stored (stripped; null for a blank one), or a rejection on {@code field} in {@code errors}. */
    @Nullable
    String check(@Nullable String raw, Errors errors, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var link = raw.strip();
        if (link.length() > MAX_LENGTH) {
            errors.rejectValue(field, "lesson.form.videoLink.tooLong", new Object[] {MAX_LENGTH}, null);
            return null;
        }
        if (link.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            errors.rejectValue(field, "lesson.form.videoLink.characters");
            return null;
        }
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            errors.rejectValue(field, "lesson.form.videoLink.notUrl");
            return null;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            errors.rejectValue(field, "lesson.form.videoLink.notHttps");
            return null;
        }
        var host = uri.getHost().toLowerCase(Locale.ROOT);
        if (properties.allowedHosts().stream()
                .map(allowed -> allowed.toLowerCase(Locale.ROOT))
                .noneMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed))) {
            errors.rejectValue(
                    field,
                    "lesson.form.videoLink.host",
                    new Object[] {host, String.join(", ", properties.allowedHosts())},
                    null);
            return null;
        }
        return link;
    }
}
