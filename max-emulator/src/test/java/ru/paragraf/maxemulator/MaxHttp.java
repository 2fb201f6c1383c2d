package ru.paragraf.maxemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Real HTTP against an emulator with the JDK client, as a MAX client sends it: raw token, JSON bodies. */
final class MaxHttp {

    /** An answer: the HTTP status and the JSON body. */
    record Answer(int status, JsonNode json) {

        JsonNode ok() {
            if (status != 200) {
                throw new AssertionError("expected 200, got " + status + " " + json);
            }
            return json;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    MaxHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String token, String path) {
        return send(token, "GET", path, null);
    }

    Answer post(String token, String path, String json) {
        return send(token, "POST", path, json);
    }

    Answer put(String token, String path, String json) {
        return send(token, "PUT", path, json);
    }

    Answer patch(String token, String path, String json) {
        return send(token, "PATCH", path, json);
    }

    Answer delete(String token, String path) {
        return send(token, "DELETE", path, null);
    }

    /** {@code Authorization: <token>} as the header's whole value (null: no header). */
    Answer send(String token, String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
