package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the application answered to one generated request, with the checks every answer must pass: no 5xx (an
 * exception escaping to the servlet container counts as one), no stack trace or exception class name in the body,
 * and a clear message with every refusal.
 */
record Answer(
        int status,
        @Nullable String contentType,
        String body,
        @Nullable String location,
        @Nullable Throwable thrown,
        String request,
        @Nullable String errorMessage) {

    private static final Pattern TECHNICAL =
            Pattern.compile("\\b(java|javax|jakarta|org\\.springframework|org\\.postgresql|ru\\.paragraf)\\.[a-z]"
                    + "|\\b[A-Z][A-Za-z]+(Exception|Error)\\b|\\tat [a-z]|\\bat [a-z]+\\.[a-z]+\\.");
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}{3,}");

    boolean serverError() {
        return thrown != null || status >= 500;
    }

    boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    Answer hasNoServerError() {
        assertThat(serverError())
                .as(
                        "%s answered %d%s: %s",
                        request,
                        status,
                        thrown == null ? "" : " with " + thrown,
                        body.length() > 600 ? body.substring(0, 600) : body)
                .isFalse();
        return this;
    }

    Answer showsNoInternals() {
        assertThat(TECHNICAL.matcher(body).find())
                .as("%s shows internals: %s", request, excerpt())
                .isFalse();
        return this;
    }

    /** An API refusal: RFC 9457 problem details with a detail that says what is wrong. */
    Answer isProblemWithDetail() {
        assertThat(status).as(request).isBetween(400, 499);
        assertThat(contentType).as("%s content type", request).startsWith("application/problem+json");
        String detail = JsonPath.read(body, "$.detail");
        assertThat(detail).as("%s detail in %s", request, body).isNotBlank();
        return showsNoInternals();
    }

    /** A page that explains in Russian what is wrong, in one of the elements the page uses for it. */
    Answer showsRussianMessageIn(String... markers) {
        assertThat(status).as(request).isEqualTo(200);
        boolean found = false;
        for (var marker : markers) {
            var at = body.indexOf(marker);
            if (at >= 0) {
                var element = body.substring(at, Math.min(body.length(), at + 600));
                var text = element.substring(element.indexOf('>') + 1).replaceAll("<[^>]*>", " ");
                found |= CYRILLIC.matcher(text).find();
            }
        }
        assertThat(found)
                .as("%s: no Russian message in any of %s: %s", request, List.of(markers), excerpt())
                .isTrue();
        return showsNoInternals();
    }

    /** Markup typed in by the user appears only escaped. */
    Answer escapes(@Nullable String... inputs) {
        for (var input : inputs) {
            if (input != null && MARKUP.matcher(input).find()) {
                assertThat(body.contains(input))
                        .as("%s shows %s unescaped", request, input)
                        .isFalse();
            }
        }
        return this;
    }

    String detail() {
        return JsonPath.read(body, "$.detail");
    }

    private String excerpt() {
        return body.length() > 1500 ? body.substring(0, 1500) : body;
    }
}
