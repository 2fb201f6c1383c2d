package ru.paragraf.vkemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/** Real HTTP against an emulator, with the JDK client; form-encoded POSTs like a VK client sends. */
final class VkHttp {

    static final String V = "5.199";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    VkHttp(VkEmulator emulator) {
        this(emulator.baseUrl());
    }

    /** An emulator in another process, e.g. {@code http://127.0.0.1:8090}. */
    VkHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Calls a VK API method with {@code v=5.199}; returns the whole answer. */
    JsonNode call(String method, String token, String... params) {
        var form = pairs(params);
        if (token != null) {
            form.put("access_token", token);
        }
        form.putIfAbsent("v", V);
        return json(post("/method/" + method, form));
    }

    /** The {@code response} of a call that must succeed. */
    JsonNode ok(String method, String token, String... params) {
        var answer = call(method, token, params);
        if (!answer.has("response")) {
            throw new AssertionError(method + " failed: " + answer);
        }
        return answer.get("response");
    }

    /** The error code of a call that must fail. */
    int errorCode(String method, String token, String... params) {
        var answer = call(method, token, params);
        if (!answer.has("error")) {
            throw new AssertionError(method + " should have failed: " + answer);
        }
        return answer.path("error").path("error_code").asInt();
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    String baseUrl() {
        return baseUrl;
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    static LinkedHashMap<String, String> pairs(String... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("params come in name/value pairs");
        }
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return map;
    }

    static String encode(Map<String, String> form) {
        var joiner = new StringJoiner("&");
        form.forEach((name, value) -> joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joiner.toString();
    }
}
