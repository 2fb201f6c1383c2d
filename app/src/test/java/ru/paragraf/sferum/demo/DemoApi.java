package ru.paragraf.sferum.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running demo's JSON API over real HTTP, as a script or an integration calls it: Basic auth, demo password. */
final class DemoApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    DemoApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A 2xx answer's JSON (null for an empty body); anything else fails the test with the answer. */
    @Nullable
    JsonNode call(String who, String method, String path, @Nullable String json) {
        var response = send(who, method, path, json);
        assertThat(response.statusCode())
                .as("%s %s %s → %s", who, method, path, response.body())
                .isBetween(200, 299);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String who, String method, String path, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(who))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    /** Uploads a file as the multipart part {@code file}. */
    HttpResponse<String> upload(String who, String path, String filename, byte[] content) {
        var boundary = "demo-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(who))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String who) {
        return "Basic " + Base64.getEncoder().encodeToString((who + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
