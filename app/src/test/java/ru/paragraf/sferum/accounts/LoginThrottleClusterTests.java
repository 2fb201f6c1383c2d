package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.TestDatabases;

/**
 * Acceptance 4 of issue 16: two application nodes on one PostgreSQL, over real HTTP, with the default throttle
 * settings. Failed logins spread over both nodes lock the user name on both; the right password is held back until
 * the lock ends (the nodes share a clock the test moves, so nobody waits 30 s) or an administrator lifts it; HTTP
 * Basic clients get 429 with {@code Retry-After}. Each scenario comes from its own client address, passed as a proxy
 * would in {@code X-Forwarded-For} and read through {@code server.forward-headers-strategy=native}.
 *
 * <p>The figures of docs/reliability.md («Попытки входа») are printed to stdout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottleClusterTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String LOCKED_TEXT = "Слишком много неудачных попыток входа. Повторите через 1 мин.";

    private final SharedClock clock = new SharedClock(Instant.now());
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private int portA;
    private int portB;
    private JdbcClient jdbc;

    @BeforeAll
    void startTwoNodes() {
        var url = TestDatabases.createDatabase("login_throttle");
        var started = System.nanoTime();
        nodeA = node(url, "a");
        jdbc = nodeA.getBean(JdbcClient.class);
        SchoolFixture.insert(jdbc, nodeA.getBean(AccountRegistration.class), LocalDate.now(clock));
        nodeB = node(url, "b");
        portA = port(nodeA);
        portB = port(nodeB);
        System.out.printf("Two nodes up in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void wrongPasswordsOverBothNodesLockTheUserNameOnBothUntilTheLockEnds() throws Exception {
        var address = "203.0.113.1";
        for (var attempt = 1; attempt <= 5; attempt++) {
            var answer = logIn(attempt % 2 == 1 ? portA : portB, "teacherA1", "wrong", address);
            assertThat(answer.headers().firstValue("Location"))
                    .as("wrong password %d", attempt)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }
        var refusedTimes = new ArrayList<Long>();
        for (var port : List.of(portA, portB)) {
            var started = System.nanoTime();
            var wrong = logIn(port, "teacherA1", "wrong", address);
            var right = logIn(port, "TeacherA1", PASSWORD, address);
            refusedTimes.add((System.nanoTime() - started) / 2);
            assertThat(wrong.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked=1"));
            assertThat(right.headers().firstValue("Location"))
                    .as("the right password, in other letter case, while locked")
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked=1"));
        }
        var page = get(portB, "/login?locked=1", address, null);
        assertThat(page.body()).contains(LOCKED_TEXT).doesNotContain("Неверное имя пользователя или пароль");

        clock.advance(Duration.ofSeconds(31));
        var afterLock = logIn(portB, "teacherA1", PASSWORD, address);
        assertThat(afterLock.headers().firstValue("Location"))
                .as("the right password once the lock has ended")
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        var oneMoreWrong = logIn(portA, "teacherA1", "wrong", address);
        assertThat(oneMoreWrong.headers().firstValue("Location"))
                .as("the success forgot the failures: one wrong password is not locked")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        System.out.printf("Form: a held-back attempt answered in %s ms%n", millis(refusedTimes));
    }

    @Test
    @Order(2)
    void anUnknownUserNameIsLockedWithTheSameAnswer() throws Exception {
        var address = "203.0.113.2";
        for (var attempt = 1; attempt <= 5; attempt++) {
            var answer = logIn(attempt % 2 == 1 ? portA : portB, "nobody-at-all", "guess" + attempt, address);
            assertThat(answer.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        var sixth = logIn(portB, "nobody-at-all", "guess6", address);
        assertThat(sixth.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked=1"));
    }

    @Test
    @Order(3)
    void apiClientsGet429WithRetryAfterUntilAnAdministratorLiftsTheLock() throws Exception {
        var address = "203.0.113.3";
        var wrongTimes = new ArrayList<Long>();
        var firstHeldBack = 0;
        HttpResponse<String> heldBack = null;
        for (var attempt = 1; attempt <= 10 && heldBack == null; attempt++) {
            var started = System.nanoTime();
            var answer = get(attempt % 2 == 1 ? portA : portB, "/api/me", address, RealHttp.basic("adminA", "wrong"));
            if (answer.statusCode() == 429) {
                heldBack = answer;
                firstHeldBack = attempt;
            } else {
                wrongTimes.add(System.nanoTime() - started);
                assertThat(answer.statusCode()).as("wrong password %d", attempt).isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
            }
        }
        assertThat(heldBack).as("429 by the 10th wrong password in a row").isNotNull();
        assertThat(firstHeldBack).isEqualTo(6);
        assertThat(heldBack.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(heldBack.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(heldBack.body())
                .contains("\"status\":429", "\"retryAfterSeconds\":30", LOCKED_TEXT)
                .doesNotContain("adminA");

        var refusedTimes = new ArrayList<Long>();
        for (var i = 0; i < 20; i++) {
            var started = System.nanoTime();
            var right = get(i % 2 == 0 ? portA : portB, "/api/me", address, RealHttp.basic("adminA", PASSWORD));
            refusedTimes.add(System.nanoTime() - started);
            assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
        }

        var lift = delete(portB, "/api/accounts/login-locks/ADMINA", RealHttp.basic("district1", PASSWORD));
        assertThat(lift.statusCode())
                .as("a district operator lifts the lock of a school admin of their district")
                .isEqualTo(204);
        var afterLift = get(portA, "/api/me", address, RealHttp.basic("adminA", PASSWORD));
        assertThat(afterLift.statusCode())
                .as("the right password on the other node after the lift")
                .isEqualTo(200);
        assertThat(jdbc.sql(
                                """
                                select actor_name || ' ' || action || ' ' || (details ->> 'username')
                                from audit.entry where action = 'LOGIN_LOCK_LIFTED'
                                """)
                        .query(String.class)
                        .list())
                .containsExactly("Оператор района 1 (district1) LOGIN_LOCK_LIFTED adminA");
        System.out.printf(
                "API: a wrong password answered in %s ms, a held-back one in %s ms (median, min-max)%n",
                millis(wrongTimes), millis(refusedTimes));
    }

    @Test
    @Order(4)
    void oneAddressIsLockedAfterItsFailuresOverManyUserNames() throws Exception {
        var address = "203.0.113.4";
        for (var attempt = 1; attempt <= 100; attempt++) {
            var answer =
                    get(attempt % 2 == 1 ? portA : portB, "/api/me", address, RealHttp.basic("guess" + attempt, "x"));
            assertThat(answer.statusCode())
                    .as("failure %d from one address", attempt)
                    .isEqualTo(401);
        }
        var fromThere = get(portA, "/api/me", address, RealHttp.basic("city", PASSWORD));
        assertThat(fromThere.statusCode())
                .as("the right password from the locked address")
                .isEqualTo(429);
        var fromElsewhere = get(portB, "/api/me", "203.0.113.5", RealHttp.basic("city", PASSWORD));
        assertThat(fromElsewhere.statusCode())
                .as("the same account from another address")
                .isEqualTo(200);
    }

    /** With the default settings: how many guesses an attacker gets in an hour, and what the check costs. */
    @Test
    @Order(5)
    void figures() {
        var throttle = nodeA.getBean(LoginThrottle.class);
        var perAccount = guessesInAnHour(throttle, attempt -> "victim", attempt -> "198.51.100." + attempt % 250);
        var perAddress = guessesInAnHour(throttle, attempt -> "sprayed" + attempt, attempt -> "198.51.100.251");
        System.out.printf(
                "Guesses in the first hour: %d per account (from any number of addresses), %d per address%n",
                perAccount, perAddress);
        assertThat(perAccount).isBetween(5, 20);
        assertThat(perAddress).isBetween(100, 115);

        var checks = 2000;
        var started = System.nanoTime();
        for (var i = 0; i < checks; i++) {
            throttle.succeeded(throttle.admit("city", "192.0.2.1"));
        }
        System.out.printf(
                "The check of a login without failures on record: %.0f µs%n",
                (System.nanoTime() - started) / 1e3 / checks);
    }

    /** Guesses as soon as the throttle lets them through, for one hour of the shared clock. */
    private int guessesInAnHour(
            LoginThrottle throttle,
            java.util.function.IntFunction<String> username,
            java.util.function.IntFunction<String> address) {
        var end = clock.instant().plus(Duration.ofHours(1));
        var guesses = 0;
        while (clock.instant().isBefore(end)) {
            try {
                throttle.failed(throttle.admit(username.apply(guesses), address.apply(guesses)));
                guesses++;
            } catch (LoginLockedException locked) {
                clock.advance(Duration.ofSeconds(locked.retryAfterSeconds()));
            }
        }
        return guesses;
    }

    private ConfigurableApplicationContext node(String url, String name) {
        return new SpringApplicationBuilder(SferumApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=5",
                        "--spring.quartz.scheduler-name=login-throttle-" + name,
                        "--sferum.linkbase.recheck.enabled=false",
                        "--server.forward-headers-strategy=native");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Opens the login page and posts its form as a browser behind the proxy does. */
    private HttpResponse<String> logIn(int port, String username, String password, String address) throws Exception {
        var page = get(port, "/login", address, null);
        var session = page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow();
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        var form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path, String address, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(int port, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .DELETE()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String millis(List<Long> nanos) {
        var sorted = nanos.stream().sorted().toList();
        return "%.1f (%.1f–%.1f)"
                .formatted(
                        sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The clock of both nodes, moved by the test instead of waiting for a lock to end. */
    private static final class SharedClock extends Clock {

        private final AtomicReference<Instant> now;

        SharedClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(it -> it.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Moscow");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
