package ru.paragraf.sferum;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import ru.paragraf.sferum.browser.Browser;

/**
 * Issue 16, acceptance 2: the «Production setup» of docs/operations.md, followed literally on an empty PostgreSQL,
 * gives a running instance that the first city operator logs in to. The PostgreSQL is started by the test (zonky,
 * like the embedded mode's) and reached as an ordinary external server; the SQL and the settings are read from the
 * docs, and the application runs in a JVM of its own with exactly those settings as its environment (plus the port).
 * Without the encryption key, or with a malformed one, the start ends with the short report, not a stack trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionSetupTests {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Path LOGS = Path.of("target", "production-setup");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static EmbeddedPostgres postgres;
    private static Map<String, String> values;
    private static SetupSteps steps;

    @TempDir
    static Path folder;

    @BeforeAll
    static void followStepOneOnAnEmptyPostgresql() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        values = Map.of(
                "db-password", random(18),
                "the key of step 2", Base64.getEncoder().encodeToString(bytes(32)), // openssl rand -base64 32
                "operator-password", random(15));
        steps = SetupSteps.read(values);
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            for (var sql : steps.sql()) {
                statement.execute(sql);
            }
        }
    }

    @AfterAll
    static void stopPostgresql() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void startsAsDocumentedAndTheFirstOperatorLogsIn() throws Exception {
        var port = freePort();
        try (var app = ProductionProcess.start(folder, LOGS.resolve("documented.log"), documented(port))) {
            var started = app.awaitHealthy(port, START);
            System.out.printf("Production setup: the documented start answered after %d ms%n", started.toMillis());
            var log = app.log();
            assertThat(log)
                    .contains("Created the first city operator 'operator' from sferum.bootstrap.operator")
                    .doesNotContain(values.get("operator-password"))
                    .doesNotContain(values.get("db-password"))
                    .doesNotContain(values.get("the key of step 2"));

            var login = logIn(port, "operator", values.get("operator-password"));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location"))
                    .hasValueSatisfying(
                            location -> assertThat(location).endsWith("/").doesNotContain("error"));
            var session = cookie(login);
            var home = get(port, "/", Map.of("Cookie", session));
            assertThat(home.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/orgs"));
            var organizations = get(port, "/orgs", Map.of("Cookie", session));
            assertThat(organizations.statusCode()).isEqualTo(200);
            assertThat(organizations.body()).contains("Образовательные организации");

            var me = get(port, "/api/me", Map.of("Authorization", basic("operator", values.get("operator-password"))));
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"CITY_OPERATOR\"").contains("Оператор города");
            var wrong = logIn(port, "operator", values.get("operator-password") + "x");
            assertThat(wrong.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).contains("/login?error"));

            assertThat(audited()).containsExactly("FIRST_OPERATOR_CREATED|system|operator");

            try (var browser = new Browser("http://localhost:" + port)) {
                browser.logIn("operator", values.get("operator-password"));
                assertThat(browser.currentPath()).isEqualTo("/orgs");
                var shot = browser.screenshot("production-setup-operator-first-page");
                Files.copy(
                        shot,
                        Path.of("/tmp/production-setup-operator-first-page.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    @Order(2)
    void refusesToStartWithoutTheEncryptionKeyWithAShortReport() {
        var settings = documented(freePort());
        settings.keySet().removeIf(name -> name.startsWith("SFERUM_SECRETS_"));

        var log = failedStart("without-key", settings);

        assertThat(log)
                .contains("No encryption key is configured")
                .contains("SFERUM_SECRETS_KEYS_<ID>")
                .contains("openssl rand -base64 32")
                .contains("SFERUM_SECRETS_CURRENTKEY=k2026")
                .contains("See docs/operations.md#production-setup");
    }

    @Test
    @Order(3)
    void refusesToStartWithAMalformedKeyWithoutPrintingIt() {
        var settings = documented(freePort());
        var shortKey = Base64.getEncoder().encodeToString(bytes(16));
        settings.put("SFERUM_SECRETS_KEYS_K2026", shortKey);

        var log = failedStart("short-key", settings);

        assertThat(log)
                .contains("The encryption key 'k2026' (sferum.secrets.keys.k2026) is 16 bytes long; AES-256 needs "
                        + "exactly 32")
                .contains("openssl rand -base64 32")
                .doesNotContain(shortKey);
    }

    /** The documented settings with the test's PostgreSQL in place of localhost:5432, and a free HTTP port. */
    private static Map<String, String> documented(int port) {
        var settings = new HashMap<>(steps.settings());
        assertThat(settings.get("SPRING_DATASOURCE_URL")).contains("//localhost:5432/");
        settings.computeIfPresent(
                "SPRING_DATASOURCE_URL",
                (name, url) -> url.replace("localhost:5432", "localhost:" + postgres.getPort()));
        settings.put("SERVER_PORT", Integer.toString(port));
        return settings;
    }

    /** Starts with these settings, expects the JVM to end by itself with Boot's failure report and no stack trace. */
    private static String failedStart(String name, Map<String, String> settings) {
        try (var app = ProductionProcess.start(folder, LOGS.resolve(name + ".log"), settings)) {
            var exit = app.awaitExit(START);
            System.out.printf(
                    "Production setup: the start %s ended with %d after %d ms%n",
                    name, exit, app.age().toMillis());
            var log = app.log();
            assertThat(exit).isEqualTo(1);
            assertThat(log)
                    .contains("APPLICATION FAILED TO START")
                    .contains("Description:")
                    .contains("Action:");
            assertThat(STACK_FRAME.matcher(log).find())
                    .as("no stack trace in the log of a start %s:%n%s", name, log)
                    .isFalse();
            return log;
        }
    }

    private static List<String> audited() {
        var url = "jdbc:postgresql://localhost:%d/sferum".formatted(postgres.getPort());
        try (var connection = DriverManager.getConnection(url, "sferum", values.get("db-password"));
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        """
                        select action, actor_name, details->>'username' as username, details::text as details
                        from audit.entry order by id""")) {
            var entries = new ArrayList<String>();
            while (rows.next()) {
                assertThat(rows.getString("details")).doesNotContain(values.get("operator-password"));
                entries.add(rows.getString("action") + "|" + rows.getString("actor_name") + "|"
                        + rows.getString("username"));
            }
            return entries;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Opens the login page and posts its form as a browser does: with the page's session and CSRF token. */
    private static HttpResponse<String> logIn(int port, String username, String password) throws Exception {
        var page = get(port, "/login", Map.of());
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        var form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie(page))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(int count) {
        var bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Letters and digits only, as a password typed into a shell-sourced settings file without quotes. */
    private static String random(int length) {
        var alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var random = new SecureRandom();
        var text = new StringBuilder();
        for (var i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
