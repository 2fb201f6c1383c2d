package ru.paragraf.sferum.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A multipart/form-data body that cannot be read as one, with its Content-Type and the statuses it may get: cut off
 * after a part's headers or inside its content, without the closing boundary, without a boundary parameter, with part
 * headers or a part count above Tomcat's limits, or promising more bytes than arrive before the connection closes.
 *
 * @param declaredLength a Content-Length larger than the body, sent before the connection's output is closed; 0 for
 *     the body's own length
 */
record BrokenMultipart(String kind, String contentType, byte[] body, long declaredLength, Set<Integer> expected) {

    static final String BOUNDARY = "fuzzB0undary7MA4YWxkTrZu0gW";

    /** The opening boundary and the headers of a file part. */
    static String head(String name, String filename) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/zip\r\n\r\n";
    }

    static Arbitrary<BrokenMultipart> any() {
        var content = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        var name = Arbitraries.of("file", "_csrf", "topic", "x");
        var filename = Arbitraries.of("school.zip", "a.csv", "../../etc/passwd", "отчёт.zip", "");
        return Combinators.combine(Arbitraries.integers().between(0, 7), name, filename, content)
                .as(BrokenMultipart::of);
    }

    private static BrokenMultipart of(int variant, String name, String filename, byte[] content) {
        var type = "multipart/form-data; boundary=" + BOUNDARY;
        var head = head(name, filename);
        var complete = join(head, content, "\r\n--" + BOUNDARY + "--\r\n");
        return switch (variant) {
            case 0 -> new BrokenMultipart("cut after the part's headers", type, bytes(head), 0, Set.of(400));
            case 1 -> new BrokenMultipart("cut inside the content", type, join(head, content, ""), 0, Set.of(400));
            case 2 -> new BrokenMultipart(
                    "no closing boundary", type, join(head, content, "\r\n--" + BOUNDARY + "\r\n"), 0, Set.of(400));
            case 3 -> new BrokenMultipart("no boundary parameter", "multipart/form-data", complete, 0, Set.of(400));
            case 4 -> new BrokenMultipart(
                    "part headers above 512 bytes",
                    type,
                    join(
                            head.replace("\r\n\r\n", "\r\nX-Padding: " + "p".repeat(600) + "\r\n\r\n"),
                            content,
                            "\r\n--" + BOUNDARY + "--\r\n"),
                    0,
                    Set.of(400, 413));
            case 5 -> {
                var parts = new StringBuilder();
                for (var i = 0; i < 60; i++) {
                    parts.append("--")
                            .append(BOUNDARY)
                            .append("\r\nContent-Disposition: form-data; name=\"p")
                            .append(i)
                            .append("\"\r\n\r\nx\r\n");
                }
                parts.append("--").append(BOUNDARY).append("--\r\n");
                yield new BrokenMultipart("60 parts, above 50", type, bytes(parts.toString()), 0, Set.of(400, 413));
            }
            case 6 -> {
                var cut = join(head, content, "");
                yield new BrokenMultipart(
                        "connection closed before the promised length", type, cut, cut.length + 10_000L, Set.of(400));
            }
            default -> new BrokenMultipart("a boundary nowhere in the body", type, content, 0, Set.of());
        };
    }

    private static byte[] join(String head, byte[] content, String tail) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(bytes(head));
        out.writeBytes(content);
        out.writeBytes(bytes(tail));
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return kind + " (" + body.length + " bytes)";
    }
}
