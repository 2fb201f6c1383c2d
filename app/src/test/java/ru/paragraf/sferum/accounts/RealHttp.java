package ru.paragraf.sferum.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Real HTTP calls to the running application, for what MockMvc does not show: headers and cookies of the server. */
final class RealHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    RealHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(uri(path));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the login page and posts its form as a browser does: with the page's session and CSRF token. */
    HttpResponse<String> logIn(String username, String password) throws Exception {
        var page = get("/login", Map.of());
        var session = page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the login page starts no session for its CSRF token"));
        var token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("the login form has no CSRF token");
        }
        var form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        var request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The value of the first of {@code names} present in a Content-Security-Policy, or "" if none is. */
    static String directive(String policy, String... names) {
        for (var name : names) {
            var value = Stream.of(policy.split(";"))
                    .map(String::trim)
                    .filter(directive -> directive.startsWith(name + " "))
                    .map(directive -> directive.substring(name.length()).trim())
                    .findFirst();
            if (value.isPresent()) {
                return value.get();
            }
        }
        return "";
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
