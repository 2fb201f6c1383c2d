package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import ru.paragraf.sferum.accounts.EndpointRules;
import ru.paragraf.sferum.fuzz.HttpEndpoint.Kind;

/**
 * Malformed requests over real HTTP, to every endpoint the application maps and to the login form, as a user of the
 * endpoint's audience and anonymously: percent-encodings that are not UTF-8 in query strings, paths and form bodies;
 * Content-Types that are wildcards, garbage or carry bad parameters; multipart bodies cut off or broken, and bodies
 * above the limits; NUL and control characters in every field a handler reads, the login name included. Each
 * property generates one malformation per try and sends it to all endpoints. Every answer passes {@link HttpAnswer}:
 * no 5xx, the status the malformation calls for (400, 413, 415), the security headers, problem details or the Russian
 * page, and no log line above INFO.
 */
class MalformedHttpFuzzTests {

    static final String QUERY = "query string not UTF-8", PATH = "path not decodable", FORM = "form body not UTF-8";
    static final String CONTENT_TYPE = "content type wildcard/garbage", MULTIPART = "multipart cut or broken";
    static final String OVERSIZED = "body above the limits", CONTROLS = "NUL/control characters in fields";
    static final String LOGIN = "NUL/control characters in login", ACCEPT = "accept header garbage";
    static final Set<Integer> ANY = Set.of(), BAD_REQUEST = Set.of(400);

    final HttpFuzzWorld world = HttpFuzzWorld.get();

    @Property(tries = 5, shrinking = ShrinkingMode.OFF)
    void queryStringsThatAreNotUtf8Are400(@ForAll("badEncodings") String bad, @ForAll boolean inName) {
        toEveryEndpoint(
                QUERY,
                world.endpoints,
                (endpoint, caller) -> {
                    var name = first(endpoint, Kind.QUERY, Kind.FORM);
                    var query = inName ? bad + "=1" : "page=1&" + name + "=" + bad;
                    return world.request(endpoint, caller, world.path(endpoint, caller) + "?" + query);
                },
                BAD_REQUEST);
    }

    @Property(tries = 6, shrinking = ShrinkingMode.OFF)
    void pathsThatDoNotDecodeAre400(@ForAll("badSegments") Tuple.Tuple2<String, Boolean> segment) {
        toEveryEndpoint(
                PATH,
                world.endpoints,
                (endpoint, caller) -> {
                    var path = world.path(endpoint, caller);
                    var variable = endpoint.names(Kind.PATH);
                    var malformed = variable.isEmpty() || !path.matches(".*/[0-9a-f-]{36}.*")
                            ? path + "/" + segment.get1()
                            : path.replaceFirst("/[0-9a-f-]{36}", "/" + segment.get1());
                    return world.request(endpoint, caller, malformed);
                },
                segment.get2() ? BAD_REQUEST : ANY);
    }

    @Property(tries = 6, shrinking = ShrinkingMode.OFF)
    void formBodiesThatAreNotUtf8Are400(@ForAll("badEncodings") String bad, @ForAll boolean inName) {
        toEveryEndpoint(
                FORM,
                world.changingState(),
                (endpoint, caller) -> {
                    var name = first(endpoint, Kind.FORM, Kind.QUERY);
                    var body = inName ? bad + "=1" : name + "=" + bad + "&other=1";
                    return world.request(endpoint, caller, world.path(endpoint, caller))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .body(body);
                },
                endpoint -> endpoint.method().equals("POST") ? BAD_REQUEST : ANY);
    }

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void contentTypesThatNameNoConcreteTypeAre415(@ForAll("contentTypes") Tuple.Tuple2<String, Boolean> type) {
        toEveryEndpoint(
                CONTENT_TYPE,
                world.endpoints,
                (endpoint, caller) -> {
                    var request = world.request(endpoint, caller, world.path(endpoint, caller))
                            .header("Content-Type", type.get1());
                    return endpoint.method().equals("GET") ? request : request.body(bodyOf(endpoint));
                },
                type.get2() ? Set.of(415) : ANY);
    }

    @Property(tries = 5, shrinking = ShrinkingMode.OFF)
    void acceptHeadersThatDoNotParseAre406(@ForAll("acceptHeaders") Tuple.Tuple2<String, Boolean> accept) {
        toEveryEndpoint(
                ACCEPT,
                world.endpoints,
                (endpoint, caller) -> {
                    var request = world.request(endpoint, caller, world.path(endpoint, caller))
                            .header("Accept", accept.get1());
                    return endpoint.method().equals("GET")
                            ? request
                            : request.header("Content-Type", contentTypeOf(endpoint))
                                    .body(bodyOf(endpoint));
                },
                accept.get2() ? Set.of(406) : ANY);
    }

    @Property(tries = 7, shrinking = ShrinkingMode.OFF)
    void multipartBodiesCutOffOrBrokenAre400(@ForAll("brokenMultiparts") BrokenMultipart multipart) {
        toEveryEndpoint(
                MULTIPART,
                world.changingState(),
                (endpoint, caller) -> {
                    var request = world.request(endpoint, caller, world.path(endpoint, caller))
                            .header("Content-Type", multipart.contentType());
                    if (multipart.declaredLength() > 0) {
                        request.header("Content-Length", String.valueOf(multipart.declaredLength()));
                    }
                    var withBody = request.body(multipart.body());
                    return multipart.declaredLength() > 0 ? withBody.closingAfterBody() : withBody;
                },
                multipart.expected());
    }

    @Example
    void bodiesAboveTheLimitsAre413() {
        var uploads = world.endpoints.stream()
                .filter(endpoint -> endpoint.fields().stream().anyMatch(field -> field.kind() == Kind.FILE))
                .toList();
        assertThat(uploads).as("the upload endpoints").hasSizeGreaterThanOrEqualTo(3);
        // declared above the multipart limit (50 MB): refused from the Content-Length, before the body is read
        toEveryEndpoint(
                OVERSIZED,
                uploads,
                (endpoint, caller) -> world.request(endpoint, caller, world.path(endpoint, caller))
                        .header("Content-Type", "multipart/form-data; boundary=" + BrokenMultipart.BOUNDARY)
                        .header("Content-Length", String.valueOf(60L * 1024 * 1024))
                        .body(BrokenMultipart.head("file", "big.zip").repeat(2000))
                        .closingAfterBody(),
                Set.of(413));
        // sent in full, chunked, so that only reading finds it too large
        var chunked = new StringBuilder();
        var chunk = "x".repeat(1 << 20);
        chunked.append(BrokenMultipart.head("file", "big.zip"));
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(chunkOf(chunked.toString()));
        for (var i = 0; i < 52; i++) {
            body.writeBytes(chunkOf(chunk));
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        var bytes = body.toByteArray();
        toEveryEndpoint(
                OVERSIZED,
                uploads.subList(0, 2),
                (endpoint, caller) -> world.request(endpoint, caller, world.path(endpoint, caller))
                        .header("Content-Type", "multipart/form-data; boundary=" + BrokenMultipart.BOUNDARY)
                        .header("Transfer-Encoding", "chunked")
                        .body(bytes),
                endpoint -> Set.of(413),
                false);
        // a form above Tomcat's limit of form bodies (2 MB)
        toEveryEndpoint(
                OVERSIZED,
                List.of(HttpEndpoint.LOGIN),
                (endpoint, caller) -> world.request(endpoint, caller, "/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body("username=" + "a".repeat(3 << 20)),
                Set.of(413));
    }

    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void nulAndControlCharactersInEveryFieldAreAnsweredBelow500(@ForAll("controls") String value) {
        for (var endpoint : world.endpoints) {
            if (endpoint == HttpEndpoint.LOGIN) {
                continue;
            }
            var fields = new ArrayList<>(endpoint.fields());
            if (fields.isEmpty()) {
                fields.add(new HttpEndpoint.Field(Kind.QUERY, "q"));
            }
            for (var field : fields) {
                toEveryEndpoint(
                        CONTROLS, List.of(endpoint), (target, caller) -> withValue(target, caller, field, value), ANY);
            }
        }
    }

    @Property(tries = 15, shrinking = ShrinkingMode.OFF)
    void nulAndControlCharactersInTheLoginAreAWrongLogin(
            @ForAll("controls") String value, @ForAll("logins") String username, @ForAll boolean inName) {
        var login = world.loginPage();
        var name = inName
                ? username.substring(0, username.length() / 2) + value + username.substring(username.length() / 2)
                : username;
        var password = inName ? "wrong" : value;
        var request = RawHttp.Request.of("POST", "/login")
                .header("Cookie", login.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("username=" + encode(name) + "&password=" + encode(password) + "&_csrf=" + login.csrfToken());
        var answer = send(LOGIN, request, EndpointRules.ANONYMOUS, Set.of(302));
        assertThat(answer.response().header("location")).as(request.describe()).endsWith("/login?error");
    }

    @AfterContainer
    static void report() {
        var log = HttpFuzzWorld.get().log;
        MalformedFigures.write(log);
        assertThat(log.seen())
                .as("log events of the server's request threads: the capture sees them")
                .isPositive();
        assertThat(log.errors())
                .as("ERROR lines of the server while it answered")
                .isEmpty();
        assertThat(log.warnings())
                .as("WARN lines of the server while it answered")
                .isEmpty();
    }

    // --- sending

    private void toEveryEndpoint(
            String property,
            List<HttpEndpoint> endpoints,
            BiFunction<HttpEndpoint, String, RawHttp.Request> build,
            Set<Integer> expected) {
        toEveryEndpoint(property, endpoints, build, endpoint -> expected, true);
    }

    private void toEveryEndpoint(
            String property,
            List<HttpEndpoint> endpoints,
            BiFunction<HttpEndpoint, String, RawHttp.Request> build,
            java.util.function.Function<HttpEndpoint, Set<Integer>> expected) {
        toEveryEndpoint(property, endpoints, build, expected, true);
    }

    /** Sends the request built for each endpoint as its caller and, with {@code anonymously}, without credentials. */
    private void toEveryEndpoint(
            String property,
            List<HttpEndpoint> endpoints,
            BiFunction<HttpEndpoint, String, RawHttp.Request> build,
            java.util.function.Function<HttpEndpoint, Set<Integer>> expected,
            boolean anonymously) {
        for (var endpoint : endpoints) {
            var callers = anonymously && !endpoint.caller().equals(EndpointRules.ANONYMOUS)
                    ? List.of(endpoint.caller(), EndpointRules.ANONYMOUS)
                    : List.of(endpoint.caller());
            for (var caller : callers) {
                send(property, build.apply(endpoint, caller), caller, expected.apply(endpoint));
            }
        }
    }

    private HttpAnswer send(String property, RawHttp.Request request, String caller, Set<Integer> expected) {
        var errors = world.log.errors().size();
        var warnings = world.log.warnings().size();
        var response = world.http.send(request);
        MalformedFigures.answered(property, response.status());
        return new HttpAnswer(response, request, caller).passes(expected, errors, warnings, world.log);
    }

    /** The request with {@code value} in one field, the other fields left out. */
    private RawHttp.Request withValue(HttpEndpoint endpoint, String caller, HttpEndpoint.Field field, String value) {
        var path = world.path(endpoint, caller);
        switch (field.kind()) {
            case QUERY -> {
                return world.request(endpoint, caller, path + "?" + field.name() + "=" + encode(value));
            }
            case FORM -> {
                return world.request(endpoint, caller, path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(field.name() + "=" + encode(value));
            }
            case JSON -> {
                return world.request(endpoint, caller, path)
                        .header("Content-Type", "application/json")
                        .body("{" + Json.string(field.name()) + ":" + Json.string(value) + "}");
            }
            case HEADER -> {
                // on the wire as its UTF-8 bytes; Tomcat refuses a control character in a header value
                return world.request(endpoint, caller, path)
                        .header(
                                field.name(),
                                new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
            case PATH -> {
                var malformed =
                        path.replaceFirst("/[0-9a-f-]{36}", "/" + encode(value).replace("+", "%20"));
                return world.request(endpoint, caller, malformed);
            }
            default -> {
                var body = BrokenMultipart.head(field.name(), value) + value + "\r\n--" + BrokenMultipart.BOUNDARY
                        + "--\r\n";
                return world.request(endpoint, caller, path)
                        .header("Content-Type", "multipart/form-data; boundary=" + BrokenMultipart.BOUNDARY)
                        .body(body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String first(HttpEndpoint endpoint, Kind... kinds) {
        for (var kind : kinds) {
            var names = endpoint.names(kind);
            if (!names.isEmpty()) {
                return names.get(0);
            }
        }
        return "q";
    }

    private static String bodyOf(HttpEndpoint endpoint) {
        if (endpoint.body() != null) {
            return endpoint.body();
        }
        return endpoint.takesJson() || endpoint.api() ? "{}" : "";
    }

    private static String contentTypeOf(HttpEndpoint endpoint) {
        return endpoint.takesJson()
                        || endpoint.body() != null && endpoint.body().startsWith("{")
                ? "application/json"
                : "application/x-www-form-urlencoded";
    }

    private static byte[] chunkOf(String data) {
        var bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // --- generators

    /** Percent-encodings that are not UTF-8, or not percent-encodings at all, amid ordinary text. */
    @Provide
    Arbitrary<String> badEncodings() {
        var bad = Arbitraries.of(
                "%ZZ",
                "%",
                "%4",
                "%G1",
                "%%",
                "%C3%28",
                "%FF",
                "%FE%FF",
                "%C0%AF",
                "%ED%A0%80",
                "%E2%82",
                "%80",
                "%C3",
                "%E0%80%80",
                "%F4%90%80%80",
                "%F8%88%80%80%80");
        var around = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8),
                Arbitraries.of("%D0%90%D0%BB%D0%B3%D0%B5%D0%B1%D1%80%D0%B0", "7%D0%90", "1", ""));
        // "~" after the escape: a hex digit there could complete "%4" into a valid escape
        return Combinators.combine(around, bad, around).as((before, escape, after) -> before + escape + "~" + after);
    }

    /** A path segment and whether it must be refused with 400. */
    @Provide
    Arbitrary<Tuple.Tuple2<String, Boolean>> badSegments() {
        var refused = Arbitraries.of(
                        "%ZZ",
                        "%C3%28",
                        "%FF",
                        "%E2%82",
                        "%2F",
                        "a%2Fb",
                        "%2f..%2f",
                        "%5C",
                        "%00",
                        "a%00b",
                        "%2e%2e",
                        "..",
                        "%25",
                        "%252F",
                        "a;b",
                        ";jsessionid=1",
                        "/",
                        "%0A",
                        "%0D",
                        "\u0001",
                        "a b",
                        "{x}",
                        "\u00ff",
                        "a".repeat(9_000))
                .map(segment -> Tuple.of(segment, true));
        var odd = Arbitraries.of(
                        "%D0%B9",
                        "%20",
                        "+",
                        "%2B",
                        "~",
                        "%7E",
                        "a%C3%A9",
                        "null",
                        "%7F",
                        "%09",
                        "-1",
                        "%E2%80%A8",
                        "00000000-0000-0000-0000-000000000000",
                        "%F0%9F%98%80",
                        "%01",
                        "a".repeat(2_000))
                .map(segment -> Tuple.of(segment, false));
        return Arbitraries.oneOf(refused, odd);
    }

    /** A Content-Type and whether it must be refused with 415 (it names no concrete media type). */
    @Provide
    Arbitrary<Tuple.Tuple2<String, Boolean>> contentTypes() {
        var refused = Arbitraries.of(
                        "*/*",
                        "application/*",
                        "text/*",
                        "*",
                        "*/json",
                        "garbage",
                        "application",
                        "application/json; charset=bogus",
                        "application/json; charset=",
                        "/json",
                        "application/",
                        "multipart/*",
                        "*/*; charset=utf-8")
                .map(type -> Tuple.of(type, true));
        var odd = Arbitraries.of(
                        "application/json",
                        "application/json;;;",
                        "application/json; charset=latin1",
                        "application/json; charset=UTF-16",
                        "text/plain",
                        "application/xml",
                        "APPLICATION/JSON",
                        "application/x-www-form-urlencoded; charset=koi8-r",
                        "multipart/form-data; boundary=x",
                        "application/octet-stream",
                        "application/json; q=0.5",
                        "application/problem+json",
                        "application/json, text/plain",
                        "application/json; charset=\"utf-8\"",
                        "application/json; charset=\"utf-8",
                        "text/html;;=;",
                        "application/" + "x".repeat(2_000),
                        "\u00d0\u00bc\u00d1\u0083\u00d0\u00bb\u00d1\u008c\u00d1\u0082\u00d0\u00b8/json")
                .map(type -> Tuple.of(type, false));
        return Arbitraries.oneOf(refused, odd);
    }

    /** An Accept header and whether it must be refused with 406 (it does not parse). */
    @Provide
    Arbitrary<Tuple.Tuple2<String, Boolean>> acceptHeaders() {
        var refused = Arbitraries.of("garbage;;", "*/json", "application/json;q=abc", "text/", "a/b/c")
                .map(accept -> Tuple.of(accept, true));
        var odd = Arbitraries.of(
                        "application/xml",
                        "text/csv",
                        "",
                        "*/*;q=0",
                        "text/html, application/json;q=0.1",
                        "image/png",
                        "application/*",
                        "application/problem+json",
                        "text/html;level=1;q=0.5, */*;q=0.1")
                .map(accept -> Tuple.of(accept, false));
        return Arbitraries.oneOf(refused, odd);
    }

    @Provide
    Arbitrary<BrokenMultipart> brokenMultiparts() {
        return BrokenMultipart.any();
    }

    /** NUL, control characters and the Unicode line breaks, alone or inside text. */
    @Provide
    Arbitrary<String> controls() {
        return Hostile.control();
    }

    @Provide
    Arbitrary<String> logins() {
        return Arbitraries.of("adminA", "teacherA1", "city", "nobody", "пользователь", "a");
    }
}
