package ru.paragraf.sferum.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client on a plain socket, for requests that {@code java.net.http} refuses to send: a target with an
 * invalid percent-encoding or a raw control character, a Content-Length that promises more than the body holds. One
 * connection per request ({@code Connection: close}), so that every answer is read to its end.
 */
final class RawHttp {

    private static final int LARGE = 1 << 20;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** One request: its request line's method and target, its headers in order, and its body. */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean truncated) {

        static Request of(String method, String target) {
            return new Request(method, target, new ArrayList<>(), new byte[0], false);
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Request body(byte[] body) {
            return new Request(method, target, headers, body, truncated);
        }

        Request body(String body) {
            return body(body.getBytes(StandardCharsets.UTF_8));
        }

        /** The body is sent and then the connection's output is closed, whatever Content-Length says. */
        Request closingAfterBody() {
            return new Request(method, target, headers, body, true);
        }

        boolean hasHeader(String name) {
            return headers.stream().anyMatch(header -> header[0].equalsIgnoreCase(name));
        }

        /** The request as it goes on the wire; the target and header values as ISO-8859-1, byte for byte. */
        byte[] bytes() {
            var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            if (!hasHeader("Host")) {
                head.append("Host: localhost\r\n");
            }
            head.append("Connection: close\r\n");
            headers.forEach(header ->
                    head.append(header[0]).append(": ").append(header[1]).append("\r\n"));
            if (!hasHeader("Content-Length") && !hasHeader("Transfer-Encoding") && (body.length > 0 || !isGet())) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            var bytes = new ByteArrayOutputStream();
            bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes(body);
            return bytes.toByteArray();
        }

        private boolean isGet() {
            return method.equals("GET") || method.equals("HEAD");
        }

        /** The request line and headers, for messages; the body's length only. */
        String describe() {
            var text =
                    new StringBuilder(method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target));
            headers.stream()
                    .filter(header ->
                            !header[0].equalsIgnoreCase("Authorization") && !header[0].equalsIgnoreCase("Cookie"))
                    .forEach(header ->
                            text.append(" | ").append(header[0]).append(": ").append(header[1]));
            if (body.length > 0) {
                var shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
                text.append(" | body (").append(body.length).append(" bytes): ").append(shown);
            }
            return text.toString()
                    .replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", "\uFFFD")
                    .replace("\r", "\\r")
                    .replace("\n", "\\n");
        }
    }

    /** The answer: status, headers by lower-case name, and the body (de-chunked). */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        @Nullable
        String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response send(Request request) {
        return send(request.bytes(), request.truncated(), request.describe());
    }

    /** Sends {@code bytes} as they are: a request line or headers no client library would write. */
    Response send(byte[] bytes) {
        return send(bytes, false, new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1));
    }

    private Response send(byte[] bytes, boolean truncated, String description) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(60_000);
            if (bytes.length < LARGE) {
                write(socket, bytes, truncated);
                return read(socket.getInputStream());
            }
            // a large body is written beside the reading: the server may answer and close long before it took all
            var writer = new Thread(() -> write(socket, bytes, truncated), "raw-http-writer");
            writer.start();
            try {
                return read(socket.getInputStream());
            } finally {
                socket.close();
                writer.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + description, e);
        }
    }

    private static void write(Socket socket, byte[] bytes, boolean truncated) {
        try {
            var out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            if (truncated) {
                socket.shutdownOutput();
            }
        } catch (IOException refusedEarly) {
            // the server answered and closed before taking the whole body (a body above the limits): read on
        }
    }

    private static Response read(InputStream in) throws IOException {
        var all = readAll(in);
        var end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("an answer without a complete head: "
                    + new String(all, 0, Math.min(all.length, 200), StandardCharsets.ISO_8859_1));
        }
        var lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        var status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new TreeMap<String, List<String>>();
        for (var i = 1; i < lines.length; i++) {
            var colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        var body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        var encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var buffer = new byte[16_384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer (the server closed with the client's unread body in its buffer)
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] dechunk(byte[] body) {
        var out = new ByteArrayOutputStream();
        var at = 0;
        while (at < body.length) {
            var lineEnd = indexOf(body, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            var sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            var size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (var i = from; i <= data.length - pattern.length; i++) {
            for (var j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
