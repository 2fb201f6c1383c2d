package ru.paragraf.maxemulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Small helpers over {@link HttpExchange}: reading the query and a JSON body, writing and dropping responses. */
final class Http {

    static final String JSON = "application/json; charset=utf-8";
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private Http() {}

    static Map<String, String> query(HttpExchange exchange) {
        var values = new LinkedHashMap<String, String>();
        var raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (var pair : raw.split("&")) {
            var equals = pair.indexOf('=');
            var name = equals < 0 ? pair : pair.substring(0, equals);
            var value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(decode(name), decode(value));
        }
        return values;
    }

    /** The JSON body, an empty object when there is none; null when it is not JSON. */
    static @Nullable JsonNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return null;
        }
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Json.object();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    static void send(HttpExchange exchange, int status, Object body) {
        var bytes = Json.bytes(body);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", JSON);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException | RuntimeException clientGone) {
            // nothing to do: the connection is closed by try-with-resources
        }
    }

    static void error(HttpExchange exchange, int status, String code, String message) {
        send(exchange, status, Json.object().put("code", code).put("message", message));
    }

    /** Closes the connection without any response: the client sees a reset or an empty reply. */
    static void abort(HttpExchange exchange) {
        try {
            exchange.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
