package ru.paragraf.sferum.sync.max;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with MAX's bot API: the token raw in the {@code Authorization} header (never in the URL, so no
 * access log can hold it), a JSON body, and the answer read into the request's type or a classified failure: an error
 * status with {@code {code, message}}, or a 200 with {@code {"success": false}}. No retries and no rate limiting here.
 */
final class MaxTransport {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // MAX adds fields to its objects; we read what we need
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final HttpClient http;
    private final MaxProperties properties;
    private final MaxMetrics metrics;

    MaxTransport(HttpClient http, MaxProperties properties, MaxMetrics metrics) {
        this.http = http;
        this.properties = properties;
        this.metrics = metrics;
    }

    static HttpClient httpClient(MaxProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    <T> MaxOutcome<T> exchange(MaxToken token, MaxRequest<T> request) {
        var name = request.name();
        var redactor = new MaxRedactor(token);
        long started = System.nanoTime();
        MaxOutcome<T> outcome;
        try {
            var response = http.send(httpRequest(token, request), HttpResponse.BodyHandlers.ofByteArray());
            outcome = read(request, response, redactor);
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            outcome = failed(name, MaxFailure.Kind.CONNECTION, describe(e), false);
        } catch (HttpTimeoutException e) {
            outcome = failed(name, MaxFailure.Kind.TIMEOUT, "no answer within " + timeout(request), true);
        } catch (IOException e) {
            // the request may have been sent and processed before the connection broke
            outcome = failed(name, MaxFailure.Kind.CONNECTION, describe(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = failed(name, MaxFailure.Kind.CONNECTION, "interrupted", true);
        }
        metrics.exchanged(name, outcome, System.nanoTime() - started);
        return outcome;
    }

    private HttpRequest httpRequest(MaxToken token, MaxRequest<?> request) {
        var body = request.body();
        var publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        var builder = HttpRequest.newBuilder(URI.create(properties.url(request.path()) + queryString(request)))
                .timeout(timeout(request))
                .header("Authorization", token.value())
                .header("Accept", "application/json")
                .method(request.verb(), publisher);
        if (body != null) {
            builder.header("Content-Type", "application/json; charset=utf-8");
        }
        return builder.build();
    }

    private Duration timeout(MaxRequest<?> request) {
        return properties.readTimeout().plus(request.heldFor());
    }

    private static String queryString(MaxRequest<?> request) {
        if (request.query().isEmpty()) {
            return "";
        }
        return request.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> MaxOutcome<T> read(MaxRequest<T> request, HttpResponse<byte[]> response, MaxRedactor redactor) {
        var name = request.name();
        int status = response.statusCode();
        @Nullable JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (JacksonException e) {
            root = null;
        }
        if (status != 200) {
            var code = root != null && root.path("code").isString()
                    ? root.path("code").asString()
                    : "";
            var message = root != null && root.path("message").isString()
                    ? redactor.redact(root.path("message").asString())
                    : "HTTP " + status;
            return new MaxOutcome.Failed<>(
                    MaxFailure.answered(name, status, redactor.redact(code), message, retryAfter(response)));
        }
        if (root == null || !root.isObject()) {
            return failed(name, MaxFailure.Kind.MALFORMED_RESPONSE, "not a JSON object", true);
        }
        if (root.path("success").isBoolean() && !root.path("success").asBoolean()) {
            var message = root.path("message").isString()
                    ? redactor.redact(root.path("message").asString())
                    : "";
            return new MaxOutcome.Failed<>(MaxFailure.unsuccessful(name, message));
        }
        try {
            return new MaxOutcome.Ok<>(JSON.treeToValue(root, request.responseType()));
        } catch (JacksonException e) {
            return failed(
                    name,
                    MaxFailure.Kind.MALFORMED_RESPONSE,
                    "unexpected answer shape for " + request.responseType().getSimpleName(),
                    true);
        }
    }

    /** {@code Retry-After} in seconds; MAX is not known to send it (UNCONFIRMED), a proxy in front of it may. */
    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        var value = response.headers().firstValue("Retry-After").orElse("");
        try {
            return value.isBlank() ? null : Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> MaxOutcome<T> failed(String name, MaxFailure.Kind kind, String message, boolean ambiguous) {
        return new MaxOutcome.Failed<>(MaxFailure.of(name, kind, message, ambiguous));
    }

    /** The exception's type and message: JDK networking messages name hosts and ports, never our secrets. */
    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
