package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Example;
import ru.paragraf.sferum.SchoolFixture;

/**
 * The malformed requests of issue 13, one by one over real HTTP, and what Tomcat refuses before the application: each
 * gets its 4xx (or Tomcat's 505) with the product's answer and the security headers of a page, and nothing is logged
 * above INFO. {@link MalformedHttpFuzzTests} sends the generated variants of each class to every endpoint.
 */
class MalformedRequestAnswersTests {

    static final List<String> SECURITY_HEADERS = List.of(
            "content-security-policy",
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
            "cache-control",
            "x-xss-protection");

    final HttpFuzzWorld world = HttpFuzzWorld.get();
    final String admin = "Basic "
            + Base64.getEncoder().encodeToString(("adminA:" + SchoolFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));
    final String community = "/api/orgs/" + SchoolFixture.SCHOOL_A + "/sferum-community";

    @Example
    void queryParameterNotUtf8IsAProblem400() {
        var answer = quietly(RawHttp.Request.of("GET", "/api/orgs/" + SchoolFixture.SCHOOL_A + "/journals?kind=%C3%28")
                .header("Authorization", admin));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(detail(answer)).contains("UTF-8");
    }

    @Example
    void wildcardContentTypesOnJsonAreProblems415() {
        for (var type : List.of("*/*", "application/*")) {
            var answer = quietly(RawHttp.Request.of("PUT", community)
                    .header("Authorization", admin)
                    .header("Content-Type", type)
                    .body("{\"communityId\": 1, \"token\": \"x\"}"));

            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(detail(answer)).as(type).contains("Content-Type");
        }
    }

    @Example
    void multipartCutOffAfterAPartsHeadersIsAProblem400() {
        var answer = quietly(RawHttp.Request.of("POST", "/api/import/oneroster")
                .header("Authorization", admin)
                .header("Content-Type", "multipart/form-data; boundary=" + BrokenMultipart.BOUNDARY)
                .body(BrokenMultipart.head("file", "school.zip")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(detail(answer)).contains("multipart/form-data");
    }

    @Example
    void aNulInAPartsFileNameIsAProblem400() {
        // found by the fuzz suite on a clean clone: Tomcat refuses such a name only when it is read, in Spring
        var answer = quietly(RawHttp.Request.of("POST", "/api/import/oneroster")
                .header("Authorization", admin)
                .header("Content-Type", "multipart/form-data; boundary=" + BrokenMultipart.BOUNDARY)
                .body(BrokenMultipart.head("file", "school\u0000.zip") + "PK\r\n--" + BrokenMultipart.BOUNDARY
                        + "--\r\n"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(detail(answer)).contains("multipart/form-data");
    }

    @Example
    void pathsWithAnEncodedSlashNulOrDotsGetTheRussianPageWithThePagesHeaders() {
        var page = quietly(RawHttp.Request.of("GET", "/login"));
        for (var path :
                List.of("/orgs/%2F..%2Fadmin", "/orgs/%00", "/orgs/../login", "/orgs/%2e%2e/login", "/%C3%28")) {
            var answer = quietly(RawHttp.Request.of("GET", path));

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("content-type")).as(path).startsWith("text/html");
            assertThat(answer.text()).as(path).contains("Неверный запрос").doesNotContain("Tomcat");
            SECURITY_HEADERS.forEach(name ->
                    assertThat(answer.header(name)).as(path + " " + name).isEqualTo(page.header(name)));
        }
    }

    @Example
    void theSameUnderTheApiIsAProblemWithTheApisHeaders() {
        var api = quietly(RawHttp.Request.of("GET", "/api/me").header("Authorization", admin));
        var answer = quietly(RawHttp.Request.of("GET", "/api/orgs/%2F..%2Fx"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(detail(answer)).isNotBlank();
        SECURITY_HEADERS.forEach(
                name -> assertThat(answer.header(name)).as(name).isEqualTo(api.header(name)));
    }

    @Example
    void aNulInTheLoginNameIsAWrongLogin() {
        var login = world.loginPage();
        var answer = quietly(RawHttp.Request.of("POST", "/login")
                .header("Cookie", login.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("username=admin%00A&password=x&_csrf=" + login.csrfToken()));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("location")).endsWith("/login?error");
    }

    @Example
    void whatTomcatCannotParseGetsTheProductsAnswer() {
        var badLine = quietly("GET /orgs/a b c HTTP/1.1\r\nHost: x\r\n\r\n");
        var badHeader = quietly("GET /login HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");
        var version = quietly("GET /api/me HTTP/9.9\r\nHost: x\r\n\r\n");

        assertThat(badLine.status()).isEqualTo(400);
        assertThat(badLine.text()).contains("Неверный запрос");
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.text()).contains("Неверный запрос");
        // an HTTP version Tomcat does not speak: its 505 stays, answered as the product
        assertThat(version.status()).isEqualTo(505);
        assertThat(detail(version)).contains("HTTP/1.1");
        assertThat(version.header("x-frame-options")).isEqualTo("DENY");
    }

    @Example
    void errorsInsideTheApplicationAreAnsweredByPathNotByAccept() {
        var unauthorized = quietly(RawHttp.Request.of("GET", "/api/me").header("Accept", "text/html"));
        var notFound = quietly(world.page("adminA", "GET", "/orgs/" + java.util.UUID.randomUUID() + "/journals")
                .header("Accept", "application/json"));
        var direct = quietly(RawHttp.Request.of("GET", "/error"));

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(detail(unauthorized)).isEqualTo("Нужно войти в систему.");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("content-type")).startsWith("text/html");
        assertThat(notFound.text()).contains("Страница не найдена").contains("id=\"current-user-name\"");
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.text()).contains("Страница не найдена");
    }

    private RawHttp.Response quietly(String head) {
        var bytes = head.replaceFirst("\r\n", "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return quietly(head, () -> world.http.send(bytes));
    }

    private RawHttp.Response quietly(RawHttp.Request request) {
        return quietly(request.describe(), () -> world.http.send(request));
    }

    private RawHttp.Response quietly(String description, java.util.function.Supplier<RawHttp.Response> exchange) {
        var errors = world.log.errors().size();
        var warnings = world.log.warnings().size();
        var response = exchange.get();
        assertThat(world.log.errors().subList(errors, world.log.errors().size()))
                .as(description)
                .isEmpty();
        assertThat(world.log.warnings().subList(warnings, world.log.warnings().size()))
                .as(description)
                .isEmpty();
        return response;
    }

    private static String detail(RawHttp.Response answer) {
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        return JsonPath.read(answer.text(), "$.detail");
    }
}
