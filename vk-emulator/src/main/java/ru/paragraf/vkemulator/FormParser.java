package ru.paragraf.vkemulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Decodes query strings, {@code x-www-form-urlencoded} and simple {@code multipart/form-data} bodies. */
final class FormParser {

    private FormParser() {}

    /** Adds the pairs of an urlencoded string; the first occurrence of a name wins. */
    static void parseUrlEncoded(@Nullable String encoded, LinkedHashMap<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                var pair = encoded.substring(start, end);
                int eq = pair.indexOf('=');
                var name = decode(eq < 0 ? pair : pair.substring(0, eq));
                var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                into.putIfAbsent(name, value);
            }
            start = end + 1;
        }
    }

    /** Adds the text fields of a multipart body; file parts are read as text too (they are not used). */
    static void parseMultipart(byte[] body, String contentType, LinkedHashMap<String, String> into) {
        var boundary = boundary(contentType);
        if (boundary == null) {
            return;
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets survive; values are re-decoded as UTF-8.
        var text = new String(body, StandardCharsets.ISO_8859_1);
        var delimiter = "--" + boundary;
        int pos = text.indexOf(delimiter);
        while (pos >= 0) {
            int partStart = pos + delimiter.length();
            if (text.startsWith("--", partStart)) {
                return;
            }
            int next = text.indexOf(delimiter, partStart);
            if (next < 0) {
                return;
            }
            addPart(text.substring(partStart, next), into);
            pos = next;
        }
    }

    private static void addPart(String part, LinkedHashMap<String, String> into) {
        int headersEnd = part.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return;
        }
        var headers = part.substring(0, headersEnd);
        var name = headerParam(headers, "name");
        if (name == null) {
            return;
        }
        var raw = part.substring(headersEnd + 4);
        if (raw.endsWith("\r\n")) {
            raw = raw.substring(0, raw.length() - 2);
        }
        into.putIfAbsent(name, new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static @Nullable String headerParam(String headers, String param) {
        var marker = param + "=\"";
        for (var line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                int i = line.indexOf(" " + marker);
                if (i < 0) {
                    i = line.indexOf(";" + marker);
                }
                if (i >= 0) {
                    int from = i + 1 + marker.length();
                    int to = line.indexOf('"', from);
                    return to < 0 ? null : line.substring(from, to);
                }
            }
        }
        return null;
    }

    private static @Nullable String boundary(String contentType) {
        for (var piece : contentType.split(";")) {
            var trimmed = piece.trim();
            if (trimmed.startsWith("boundary=")) {
                var value = trimmed.substring("boundary=".length());
                return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
