package ru.paragraf.sferum.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.EndpointRules;
import ru.paragraf.sferum.accounts.FixtureIds;
import ru.paragraf.sferum.exchange.ExchangeFixture;
import ru.paragraf.sferum.linkbase.LinkbaseFixture;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * The application the real-HTTP fuzz properties talk to: production mode on a database of its own (schools A/B/C,
 * exchange tasks and runs, stored credentials, hand-down previews: every fixture id of {@link FixtureIds}), served by
 * Tomcat on a random port, since Tomcat itself answers part of what is malformed. Its endpoints are read from the
 * application's handler mapping ({@link HttpEndpoint}); each is called as a user of its audience and anonymously. The
 * log lines above INFO of its request threads are kept ({@link ServerLog}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sferum.linkbase.recheck.enabled=false",
            "sferum.vk.read-timeout=2s",
            "sferum.vk.retry.initial-backoff=5ms",
            "sferum.vk.retry.max-backoff=20ms",
            // the properties send wrong logins on purpose, many to one user name; a lock would turn the answers they
            // check into 429s (login throttling has tests of its own: LoginThrottleClusterTests)
            "sferum.login.throttle.account-attempts=100000",
            "sferum.login.throttle.address-attempts=100000"
        })
final class HttpFuzzWorld {

    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static HttpFuzzWorld world;

    final int port;
    final RawHttp http;
    final ServerLog log;
    final List<HttpEndpoint> endpoints;
    private final Map<String, Session> sessions = new HashMap<>();

    /** A signed-in browser: its session cookie and the CSRF token of that session. */
    record Session(String cookie, String csrfToken) {}

    private HttpFuzzWorld(ApplicationContext context) {
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        this.http = new RawHttp(port);
        var jdbc = context.getBean(JdbcClient.class);
        SchoolFixture.insert(
                jdbc, context.getBean(AccountRegistration.class), LocalDate.now(context.getBean(Clock.class)));
        ExchangeFixture.insert(jdbc);
        LinkbaseFixture.insert(jdbc, context.getBean(SecretBox.class));
        FixtureIds.insertHanddowns(jdbc);
        this.endpoints =
                HttpEndpoint.of(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        var tomcat = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        this.log = ServerLog.of(requestThreads(tomcat));
    }

    /**
     * The name prefix of the server's request threads: its protocol handler's name when its executor started, so
     * without the local port a random port adds to the name later ({@code http-nio-auto-1-exec-}).
     */
    private static String requestThreads(TomcatWebServer tomcat) {
        var handler = (AbstractProtocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
        var name = handler.getName().replace("\"", "");
        var localPort = "-" + handler.getLocalPort();
        if (name.contains("-auto-") && name.endsWith(localPort)) {
            name = name.substring(0, name.length() - localPort.length());
        }
        return name + "-exec-";
    }

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", FuzzWorld.vk::baseUrl);
        registry.add("sferum.vk.id-url", FuzzWorld.vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> FuzzWorld.CLIENT_ID);
    }

    /** The shared world, started on first use. */
    static synchronized HttpFuzzWorld get() {
        if (world == null) {
            var context =
                    new TestContextManager(HttpFuzzWorld.class).getTestContext().getApplicationContext();
            world = new HttpFuzzWorld(context);
        }
        return world;
    }

    /**
     * The request line and credentials of {@code endpoint} for {@code caller} ({@link EndpointRules#ANONYMOUS} for
     * none), with the caller's own fixture ids in the path: HTTP Basic for the API, the session and its CSRF token
     * for pages.
     */
    RawHttp.Request request(HttpEndpoint endpoint, String caller, String path) {
        var request = RawHttp.Request.of(endpoint.method(), path);
        if (caller.equals(EndpointRules.ANONYMOUS)) {
            return request;
        }
        if (endpoint.api()) {
            var credentials = caller + ":" + SchoolFixture.PASSWORD;
            return request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        var session = session(caller);
        request.header("Cookie", session.cookie());
        if (!endpoint.method().equals("GET")) {
            request.header("X-CSRF-TOKEN", session.csrfToken());
        }
        return request;
    }

    /** A page request of a signed-in user: the session, and the CSRF token for what is not a GET. */
    RawHttp.Request page(String username, String method, String path) {
        var session = session(username);
        var request = RawHttp.Request.of(method, path).header("Cookie", session.cookie());
        return method.equals("GET") ? request : request.header("X-CSRF-TOKEN", session.csrfToken());
    }

    /** The path of {@code endpoint} with the caller's own fixture ids (another random id where none is known). */
    String path(HttpEndpoint endpoint, String caller) {
        var who = caller.equals(EndpointRules.ANONYMOUS) ? endpoint.caller() : caller;
        var filled =
                FixtureIds.fill(endpoint.pattern(), endpoint.scope(), who, true).get(0);
        return filled.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** An anonymous session with the CSRF token of its login form, as a browser has it on the login page. */
    Session loginPage() {
        var page = plainGet("/login", null);
        return new Session(sessionCookie(page), token(CSRF_INPUT, page.body()));
    }

    private synchronized Session session(String username) {
        return sessions.computeIfAbsent(username, this::logIn);
    }

    private Session logIn(String username) {
        var login = loginPage();
        var form = "username=" + username + "&password=" + SchoolFixture.PASSWORD + "&_csrf=" + login.csrfToken();
        var answer = http.send(RawHttp.Request.of("POST", "/login")
                .header("Cookie", login.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form));
        if (answer.status() != 302 || answer.header("set-cookie") == null) {
            throw new IllegalStateException(username + " could not log in: " + answer.status());
        }
        var cookie = answer.header("set-cookie").split(";")[0];
        var start = plainGet(URI.create(answer.header("location")).getPath(), cookie);
        while (start.statusCode() == 302) {
            start = plainGet(
                    URI.create(start.headers().firstValue("location").orElseThrow())
                            .getPath(),
                    cookie);
        }
        return new Session(cookie, token(CSRF_META, start.body()));
    }

    private HttpResponse<String> plainGet(String path, String cookie) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sessionCookie(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    private static String token(Pattern pattern, String page) {
        var matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    /** The endpoints that take a body: every method but GET. */
    List<HttpEndpoint> changingState() {
        var changing = new ArrayList<HttpEndpoint>();
        endpoints.stream().filter(endpoint -> !endpoint.method().equals("GET")).forEach(changing::add);
        return changing;
    }
}
