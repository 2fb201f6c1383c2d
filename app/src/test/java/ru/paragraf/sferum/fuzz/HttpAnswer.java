package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Set;
import java.util.regex.Pattern;
import ru.paragraf.sferum.accounts.EndpointRules;

/**
 * One answer of the real server to a generated request, with the checks every answer must pass: no 5xx (and the
 * status expected, where the malformation decides it); the security headers of every page; a refusal is problem
 * details with a {@code detail} on {@code /api/**} and a Russian page elsewhere, never a stack trace or an
 * exception's name; an anonymous page request is sent to the login page; and the server logged nothing above INFO
 * while it answered.
 */
record HttpAnswer(RawHttp.Response response, RawHttp.Request request, String caller) {

    private static final Pattern TECHNICAL = Pattern.compile(
            "\\b(java|javax|jakarta|org\\.springframework|org\\.apache|org\\.postgresql|ru\\.paragraf)"
                    + "\\.[a-z]|\\b[A-Z][A-Za-z]+(Exception|Error)\\b|\\tat [a-z]|\\bat [a-z]+\\.[a-z]+\\.|Apache Tomcat");
    private static final Pattern UNPARSEABLE = Pattern.compile("[^A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}{3,}");

    int status() {
        return response.status();
    }

    /** Checks the answer; {@code expected} names the statuses the malformation allows, or is empty for any below 500. */
    HttpAnswer passes(Set<Integer> expected, int errorsBefore, int warningsBefore, ServerLog log) {
        var status = response.status();
        var as = describe();
        assertThat(status).as("%s: a server error", as).isLessThan(500);
        if (!expected.isEmpty()) {
            assertThat(status).as(as).isIn(expected);
        }
        assertThat(response.header("x-content-type-options"))
                .as("%s: X-Content-Type-Options", as)
                .isEqualTo("nosniff");
        assertThat(response.header("x-frame-options"))
                .as("%s: X-Frame-Options", as)
                .isEqualTo("DENY");
        assertThat(response.header("referrer-policy"))
                .as("%s: Referrer-Policy", as)
                .isEqualTo("same-origin");
        assertThat(response.header("content-security-policy"))
                .as("%s: Content-Security-Policy", as)
                .contains("frame-ancestors 'none'")
                .contains("script-src 'self'");
        if (status >= 400) {
            var body = response.text();
            assertThat(TECHNICAL.matcher(body).find())
                    .as("%s shows internals", as)
                    .isFalse();
            var problem = String.valueOf(response.header("content-type")).startsWith("application/problem+json");
            if (api() && !(unparsedTarget() && !problem)) {
                assertThat(problem).as("%s: problem details", as).isTrue();
                String detail = JsonPath.read(body, "$.detail");
                assertThat(detail).as("%s: detail", as).isNotBlank();
            } else {
                assertThat(response.header("content-type"))
                        .as("%s: content type", as)
                        .startsWith("text/html");
                assertThat(CYRILLIC.matcher(body.replaceAll("<[^>]*>", " ")).find())
                        .as("%s: no Russian text", as)
                        .isTrue();
            }
        }
        if (status == 302
                && caller.equals(EndpointRules.ANONYMOUS)
                && !api()
                && !request.target().startsWith("/login")) {
            assertThat(response.header("location")).as("%s: redirect", as).endsWith("/login");
        }
        assertThat(log.errors().subList(errorsBefore, log.errors().size()))
                .as("%s: ERROR lines", as)
                .isEmpty();
        assertThat(log.warnings().subList(warningsBefore, log.warnings().size()))
                .as("%s: WARN lines", as)
                .isEmpty();
        return this;
    }

    /**
     * A request line Tomcat cannot parse: longer than it reads (8 KB), or with a character no request target may hold
     * (a raw control character, space, non-ASCII byte, brace). Tomcat may then not know the path and cannot tell the
     * API from a page: the answer to an API path may be the Russian page.
     */
    private boolean unparsedTarget() {
        return request.target().length() > 8_000
                || UNPARSEABLE.matcher(request.target()).find();
    }

    private boolean api() {
        return request.target().startsWith("/api/") || request.target().startsWith("/api?");
    }

    private String describe() {
        var body = response.text();
        return "%s as %s → %d %s"
                .formatted(
                        request.describe(),
                        caller,
                        response.status(),
                        body.length() > 300 ? body.substring(0, 300) : body);
    }
}
