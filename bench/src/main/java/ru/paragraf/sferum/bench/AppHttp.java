package ru.paragraf.sferum.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** The application's HTTP port as a user sees it: the REST API with HTTP Basic, pages after a form login. */
final class AppHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** The benchmark's HTTP clients' threads, named so that their CPU is not taken for the application's. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            var thread = new Thread(runnable, "bench-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private final String base;
    private final HttpClient api = client(HttpClient.newBuilder());

    AppHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Calls the API as {@code user}; fails unless the answer is 2xx. */
    String api(String user, String password, String method, String path, String json) {
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .method(method, body)
                .build();
        var response = send(api, request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "%s %s as %s: %d %s".formatted(method, path, user, response.statusCode(), response.body()));
        }
        return response.body();
    }

    /** A browser-like session: its own cookies, logged in through the login form. */
    Session login(String user, String password) {
        var client = client(
                HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER));
        var page =
                send(client, HttpRequest.newBuilder(URI.create(base + "/login")).build());
        var csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        var form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        var answer = send(
                client,
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        var location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: " + answer.statusCode() + " " + location);
        }
        return new Session(client);
    }

    /** A logged-in user's pages. */
    final class Session {

        private final HttpClient client;

        private Session(HttpClient client) {
            this.client = client;
        }

        /** GETs a page and returns its status. */
        int get(String path) {
            return page(path).statusCode();
        }

        /** GETs a page. */
        HttpResponse<String> page(String path) {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            return send(client, request);
        }
    }

    private static HttpClient client(HttpClient.Builder builder) {
        var client = builder.version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(THREADS)
                .build();
        CpuMeter.benchClient(client);
        return client;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
