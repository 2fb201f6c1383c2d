package ru.paragraf.sferum.sync.vk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with the VK API: POST form-encoded to {@code /method/NAME}, the token in the
 * {@code Authorization} header (never in the URL or the body, so no access log can hold it), and the answer
 * read into the request's type or a classified failure. No retries and no rate limiting here.
 */
final class VkTransport {

    private record ErrorBody(int errorCode, @Nullable String errorMsg, @Nullable List<Param> requestParams) {}

    private record Param(String key, @Nullable String value) {}

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // VK adds fields to its objects all the time; we read what we need
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * HTTP clients the tokens are spread over. The JDK client guards its connection pool and timers with one lock;
     * a hundred worker threads on one client spent more time waiting for that lock than for VK (docs/benchmarks.md,
     * city benchmark). A token always uses the same client, so its keep-alive connections are reused.
     */
    static final int CLIENTS = 8;

    private final List<HttpClient> clients;
    private final VkProperties properties;
    private final VkMetrics metrics;

    VkTransport(List<HttpClient> clients, VkProperties properties, VkMetrics metrics) {
        this.clients = List.copyOf(clients);
        this.properties = properties;
        this.metrics = metrics;
    }

    static List<HttpClient> httpClients(VkProperties properties) {
        return Stream.generate(() -> httpClient(properties)).limit(CLIENTS).toList();
    }

    static HttpClient httpClient(VkProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                // HTTP/1.1 keep-alive: predictable connection behaviour with VK and the emulator alike
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    <T> VkOutcome<T> exchange(VkToken token, VkRequest<T> request) {
        var method = request.method();
        var params = request.params();
        var redactor = new Redactor(token, params);
        var httpRequest = HttpRequest.newBuilder(URI.create(properties.methodUrl(method)))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + token.value())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(params.formWithVersion(properties.version())))
                .build();
        long started = System.nanoTime();
        VkOutcome<T> outcome;
        try {
            var http = clients.get(Math.floorMod(token.fingerprint().hashCode(), clients.size()));
            var response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            outcome = read(request, response.statusCode(), response.body(), redactor);
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            outcome = failed(method, VkFailure.Kind.CONNECTION, 0, describe(e), false);
        } catch (HttpTimeoutException e) {
            outcome = failed(method, VkFailure.Kind.TIMEOUT, 0, "no answer within " + properties.readTimeout(), true);
        } catch (IOException e) {
            // the request may have been sent and processed before the connection broke
            outcome = failed(method, VkFailure.Kind.CONNECTION, 0, describe(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = failed(method, VkFailure.Kind.CONNECTION, 0, "interrupted", true);
        }
        metrics.exchanged(method, token.kind(), outcome, System.nanoTime() - started);
        return outcome;
    }

    private <T> VkOutcome<T> read(VkRequest<T> request, int status, byte[] body, Redactor redactor) {
        var method = request.method();
        @Nullable JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        var error = root == null ? null : root.get("error");
        if (error != null && error.isObject()) {
            // VK answers errors with HTTP 200; should a status differ, the envelope still says what happened
            return apiError(method, error, redactor);
        }
        if (status >= 500) {
            // a proxy or VK itself failed; whether the method ran is unknown
            return failed(method, VkFailure.Kind.HTTP_STATUS, status, "HTTP " + status, true);
        }
        if (status != 200) {
            return failed(method, VkFailure.Kind.HTTP_STATUS, status, "HTTP " + status, false);
        }
        var response = root == null ? null : root.get("response");
        if (response == null) {
            return malformed(request, status, root == null ? "not JSON" : "no response in the answer");
        }
        try {
            return new VkOutcome.Ok<>(JSON.treeToValue(response, request.responseType()));
        } catch (JacksonException e) {
            return malformed(
                    request,
                    status,
                    "unexpected response shape for " + request.responseType().getSimpleName());
        }
    }

    private static <T> VkOutcome<T> apiError(String method, JsonNode error, Redactor redactor) {
        ErrorBody body;
        try {
            body = JSON.treeToValue(error, ErrorBody.class);
        } catch (JacksonException e) {
            return failed(method, VkFailure.Kind.MALFORMED_RESPONSE, 0, "unreadable error envelope", true);
        }
        var echoed = new LinkedHashMap<String, String>();
        if (body.requestParams() != null) {
            body.requestParams().forEach(p -> echoed.put(p.key(), p.value() == null ? "" : p.value()));
        }
        var message = body.errorMsg() == null ? "" : redactor.redact(body.errorMsg());
        return new VkOutcome.Failed<>(VkFailure.apiError(method, body.errorCode(), message, redactor.redact(echoed)));
    }

    /** The call reached VK but its answer is unreadable: whatever it did, it did. */
    private static <T> VkOutcome<T> malformed(VkRequest<T> request, int status, String what) {
        return failed(request.method(), VkFailure.Kind.MALFORMED_RESPONSE, status == 200 ? 0 : status, what, true);
    }

    private static <T> VkOutcome<T> failed(
            String method, VkFailure.Kind kind, int code, String message, boolean ambiguous) {
        var category = kind == VkFailure.Kind.MALFORMED_RESPONSE || (kind == VkFailure.Kind.HTTP_STATUS && code < 500)
                ? VkErrorCategory.BUG
                : VkErrorCategory.RETRY;
        return new VkOutcome.Failed<>(VkFailure.of(method, kind, code, message, category, ambiguous));
    }

    /** The exception's type and message: JDK networking messages name hosts and ports, never our secrets. */
    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
