package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;

/** Small helpers over {@link HttpExchange}: reading parameters, writing and dropping responses. */
final class Http {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private Http() {}

    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (var in = exchange.getRequestBody()) {
            var body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("request body too large");
            }
            return body;
        }
    }

    static String contentType(HttpExchange exchange) {
        var type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    /** Query parameters followed by form-body parameters (urlencoded or multipart). */
    static LinkedHashMap<String, String> queryAndForm(HttpExchange exchange, byte[] body) {
        var values = new LinkedHashMap<String, String>();
        FormParser.parseUrlEncoded(exchange.getRequestURI().getRawQuery(), values);
        var type = contentType(exchange);
        if (type.startsWith("multipart/form-data")) {
            FormParser.parseMultipart(body, exchange.getRequestHeaders().getFirst("Content-Type"), values);
        } else if (!type.startsWith("application/json") && body.length > 0) {
            FormParser.parseUrlEncoded(new String(body, StandardCharsets.UTF_8), values);
        }
        return values;
    }

    /** Like {@link #send} with {@code Cache-Control: no-store}, for pages and token answers (RFC 6749 §5.1). */
    static void sendNoStore(HttpExchange exchange, int status, String contentType, byte[] body) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, contentType, body);
    }

    /** Writes a complete response; a client that has gone away is ignored. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException | RuntimeException clientGone) {
            // nothing to do: the connection is closed by try-with-resources
        }
    }

    static void redirect(HttpExchange exchange, String location) {
        exchange.getResponseHeaders().set("Location", location);
        sendNoStore(exchange, 302, HTML, new byte[0]);
    }

    /** Closes the connection without any response: the client sees a reset or an empty reply. */
    static void abort(HttpExchange exchange) {
        try {
            exchange.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
