package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.accounts.EndpointRules.ANONYMOUS;
import static ru.paragraf.sferum.accounts.EndpointRules.ROLES;
import static ru.paragraf.sferum.accounts.EndpointRules.RULES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.paragraf.sferum.accounts.EndpointRules.Rule;
import ru.paragraf.sferum.accounts.EndpointRules.Scope;

/**
 * Every endpoint the application maps, asked by every role and by nobody: roles outside an endpoint's audience get
 * 403 (nobody gets 401 from the API and the login page from pages), roles inside it get their own school's resource
 * and another school's or district's as 404. State-changing requests are sent only where a refusal is expected, so
 * the fixture never changes; none of them may answer 2xx. Page forms also refuse requests without a CSRF token.
 *
 * <p><b>A new endpoint</b> fails {@link #everyMappedEndpointHasARuleAndEveryRuleAnEndpoint} until it has a rule: add one
 * line to {@link EndpointRules#RULES}, e.g. {@code rule(GET, "/orgs/{organization}/sync-preview", ADMINISTRATORS,
 * Scope.ORGANIZATION)}, naming who may use it and how it is scoped; a state-changing endpoint that needs a body to pass
 * validation takes it as a fifth argument. A path variable with a new name also needs its fixture ids (schools A, B, C)
 * in {@link FixtureIds}; until then the matrix fails naming the variable. Removing an endpoint means removing its rule.
 *
 * <p>The figures (endpoints, requests, refusals) go to stdout and {@code target/reliability/access-report.txt}.
 */
@AccessTest
class EndpointAccessTests {

    static final List<String> CALLERS =
            Stream.concat(ROLES.stream(), Stream.of(ANONYMOUS)).toList();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessWorld world;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    ObjectProvider<RouterFunctionMapping> routerFunctionMapping;

    @LocalServerPort
    int port;

    private final AccessTally tally = new AccessTally();

    Set<String> mapped() {
        var routes = routerFunctionMapping.stream()
                .map(RouterFunctionMapping::getRouterFunction)
                .filter(java.util.Objects::nonNull)
                .reduce((a, b) -> a.andOther(b))
                .orElse(null);
        var endpoints = MappedEndpoints.of(handlerMapping.getHandlerMethods(), routes);
        tally.endpoints(endpoints.size());
        return endpoints;
    }

    @Test
    void everyMappedEndpointHasARuleAndEveryRuleAnEndpoint() {
        var mapped = mapped();
        var ruled = RULES.stream().map(Rule::key).collect(Collectors.toCollection(TreeSet::new));
        var softly = new SoftAssertions();
        softly.assertThat(ruled).as("one rule per endpoint").hasSize(RULES.size());
        softly.assertThat(difference(mapped, ruled))
                .as("new endpoints without a rule: add a line to EndpointRules.RULES")
                .isEmpty();
        softly.assertThat(difference(ruled, mapped))
                .as("rules of endpoints that no longer exist: remove them from EndpointRules.RULES")
                .isEmpty();
        softly.assertAll();
    }

    @Test
    void everyRoleGetsOnlyWhatItsRuleAllows() throws Exception {
        var mapped = mapped();
        var softly = new SoftAssertions();
        for (var rule : RULES) {
            if (mapped.contains(rule.key())) {
                for (var who : CALLERS) {
                    check(softly, rule, who);
                }
            }
        }
        softly.assertAll();
    }

    private void check(SoftAssertions softly, Rule rule, String who) throws Exception {
        if (!rule.audience().contains(who)) {
            for (var path : paths(softly, rule, who, true)) {
                expectRefusal(softly, rule, who, path, perform(rule, who, path, true));
            }
            return;
        }
        if (!rule.changesState()) {
            for (var path : paths(softly, rule, who, true)) {
                var response = perform(rule, who, path, true);
                softly.assertThat(response.getStatus())
                        .as("%s %s %s (own resource) -> 2xx/3xx", who, rule.method(), path)
                        .isBetween(200, 399);
                softly.assertThat(loginRedirect(response))
                        .as("%s %s %s is not sent to the login page", who, rule.method(), path)
                        .isFalse();
            }
        }
        if (rule.scope().scopes(who)) {
            for (var path : paths(softly, rule, who, false)) {
                softly.assertThat(perform(rule, who, path, true).getStatus())
                        .as("%s %s %s (another's resource) -> 404", who, rule.method(), path)
                        .isEqualTo(404);
            }
        }
    }

    private void expectRefusal(
            SoftAssertions softly, Rule rule, String who, String path, MockHttpServletResponse response) {
        var description = "%s %s %s (outside %s)".formatted(who, rule.method(), path, new TreeSet<>(rule.audience()));
        if (!who.equals(ANONYMOUS)) {
            softly.assertThat(response.getStatus()).as(description + " -> 403").isEqualTo(403);
        } else if (rule.api()) {
            softly.assertThat(response.getStatus()).as(description + " -> 401").isEqualTo(401);
        } else {
            softly.assertThat(loginRedirect(response))
                    .as(description + " -> 302 to the login page, was %d", response.getStatus())
                    .isTrue();
        }
    }

    @Test
    void pageFormsRefuseRequestsWithoutCsrfToken() throws Exception {
        var mapped = mapped();
        var softly = new SoftAssertions();
        for (var rule : RULES) {
            if (mapped.contains(rule.key()) && rule.changesState() && !rule.api()) {
                var who = ROLES.stream()
                        .filter(rule.audience()::contains)
                        .findFirst()
                        .orElseThrow();
                for (var path : paths(softly, rule, who, true)) {
                    softly.assertThat(perform(rule, who, path, false).getStatus())
                            .as("%s %s %s without CSRF token -> 403", who, rule.method(), path)
                            .isEqualTo(403);
                    tally.csrfChecked();
                }
            }
        }
        softly.assertAll();
    }

    /** The paths of {@code rule} with the fixture ids of the caller's own or others' resources; none if unknown. */
    private List<String> paths(SoftAssertions softly, Rule rule, String who, boolean own) {
        var template = rule.pattern() + (rule.scope() == Scope.OWN_CHILD ? "?child={child}" : "");
        var filled = FixtureIds.fill(template, rule.scope(), who, own);
        var unknown = filled.get(0).unknown();
        if (!unknown.isEmpty()) {
            softly.fail("%s: no fixture id for path variable(s) %s; add them to FixtureIds", rule.key(), unknown);
            return List.of();
        }
        return filled.stream().map(FixtureIds.Filled::path).toList();
    }

    private MockHttpServletResponse perform(Rule rule, String who, String path, boolean csrfToken) throws Exception {
        var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(rule.method()), path);
        if (rule.body() != null) {
            request.content(rule.body())
                    .contentType(rule.api() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED);
        }
        if (!who.equals(ANONYMOUS)) {
            if (rule.api()) {
                request.with(httpBasic(who, PASSWORD));
            } else {
                request.session(world.sessionOf(who));
            }
        }
        if (csrfToken && rule.changesState() && !rule.api()) {
            request.with(csrf());
        }
        var response = mvc.perform(request).andReturn().getResponse();
        tally.answered(rule, who, path, response.getStatus(), loginRedirect(response));
        return response;
    }

    private static boolean loginRedirect(MockHttpServletResponse response) {
        var location = response.getRedirectedUrl();
        return response.getStatus() == 302 && location != null && location.endsWith("/login");
    }

    @Test
    void pagesAndApiSendSecurityHeaders() throws Exception {
        var http = new RealHttp(port);
        var page = http.get("/login", Map.of());
        var api = http.get("/api/me", Map.of("Authorization", RealHttp.basic("adminA", PASSWORD)));
        for (var response : List.of(page, api)) {
            var what = response.uri().getPath();
            var policy =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(RealHttp.directive(policy, "script-src", "default-src"))
                    .as("%s: CSP for scripts", what)
                    .isNotEmpty()
                    .doesNotContain("'unsafe-inline'");
            assertThat(RealHttp.directive(policy, "frame-ancestors"))
                    .as("%s: CSP frame-ancestors", what)
                    .isEqualTo("'none'");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as("%s: Referrer-Policy", what)
                    .hasValueSatisfying(value -> assertThat(value).isIn("same-origin", "no-referrer", "strict-origin"));
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as("%s: X-Content-Type-Options", what)
                    .contains("nosniff");
            tally.headersChecked();
        }
        assertThat(api.headers().allValues("Set-Cookie"))
                .as("the API is stateless: no session cookie")
                .isEmpty();
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var http = new RealHttp(port);
        var login = http.logIn("adminA", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        var cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst();
        assertThat(cookie).as("a new session id on login").isPresent();
        assertThat(cookie.get()).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
        tally.headersChecked();
    }

    @AfterAll
    void report() throws IOException {
        var text = tally.report();
        System.out.println(text);
        var file = Path.of("target", "reliability", "access-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        var result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    /** What the suite asked and what it was answered. */
    static final class AccessTally {

        private int endpoints;
        private int requests;
        private int stateChanging;
        private int stateChangingSucceeded;
        private int csrf;
        private int headers;
        private int refused;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> succeededChanges = new ArrayList<>();

        synchronized void endpoints(int count) {
            endpoints = count;
        }

        synchronized void answered(Rule rule, String who, String path, int status, boolean toLogin) {
            requests++;
            if (status == 401 || status == 403 || status == 404 || toLogin) {
                refused++;
            }
            statuses.merge(status, 1, Integer::sum);
            if (rule.changesState()) {
                stateChanging++;
                if (status >= 200 && status < 300) {
                    stateChangingSucceeded++;
                    succeededChanges.add(who + " " + rule.method() + " " + path + " -> " + status);
                }
            }
        }

        synchronized void csrfChecked() {
            csrf++;
        }

        synchronized void headersChecked() {
            headers++;
        }

        synchronized String report() {
            return """
                    Access control (EndpointAccessTests)
                      endpoints mapped by the application: %d, rules: %d
                      requests made: %d (state-changing: %d, of which answered 2xx: %d %s)
                      refusals (401, 403, 404, 302 to the login page): %d; answers by status: %s
                      page forms refusing a request without CSRF token: %d
                      security header and cookie checks over real HTTP: %d
                    """
                    .formatted(
                            endpoints,
                            RULES.size(),
                            requests,
                            stateChanging,
                            stateChangingSucceeded,
                            succeededChanges,
                            refused,
                            statuses,
                            csrf,
                            headers);
        }
    }
}
