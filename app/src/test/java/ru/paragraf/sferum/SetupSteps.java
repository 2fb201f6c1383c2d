package ru.paragraf.sferum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The «Production setup» steps of docs/operations.md as an operator reads them: the SQL of step 1 and the settings
 * file of step 3, with their {@code <…>} placeholders filled in by the caller. A placeholder the caller does not
 * know fails, so the docs and the test that follows them cannot drift apart silently.
 */
record SetupSteps(List<String> sql, Map<String, String> settings) {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+)>");

    /** Reads the steps and fills each placeholder with its value; every placeholder must have one. */
    static SetupSteps read(Map<String, String> values) {
        var section = section(text(), "## Production setup");
        var sql = new ArrayList<String>();
        for (var statement : block(section, "```sql", null).split(";")) {
            if (!statement.isBlank()) {
                sql.add(fill(statement.strip(), values));
            }
        }
        var settings = new LinkedHashMap<String, String>();
        for (var line : block(section, "```bash", "# /etc/sferum/sferum.env").split("\n")) {
            var setting = line.strip();
            if (!setting.isEmpty() && !setting.startsWith("#")) {
                var equals = setting.indexOf('=');
                settings.put(setting.substring(0, equals), fill(setting.substring(equals + 1), values));
            }
        }
        return new SetupSteps(List.copyOf(sql), settings);
    }

    private static String fill(String text, Map<String, String> values) {
        var matcher = PLACEHOLDER.matcher(text);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError("docs/operations.md asks for <%s>, which this test does not fill in: %s"
                        .formatted(matcher.group(1), text));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    private static String section(String text, String heading) {
        var start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError("docs/operations.md has no section «" + heading + "»");
        }
        var end = text.indexOf("\n## ", start + heading.length() + 2);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The lines of the first fenced block opened by {@code fence} whose first line is {@code firstLine}, if given. */
    private static String block(String section, String fence, String firstLine) {
        var lines = section.split("\n");
        for (var i = 0; i < lines.length - 1; i++) {
            if (lines[i].strip().equals(fence)
                    && (firstLine == null || lines[i + 1].strip().equals(firstLine))) {
                var body = new StringBuilder();
                for (var j = i + 1; j < lines.length && !lines[j].strip().equals("```"); j++) {
                    body.append(lines[j]).append('\n');
                }
                return body.toString();
            }
        }
        throw new AssertionError("«Production setup» in docs/operations.md has no %s block%s"
                .formatted(fence, firstLine == null ? "" : " starting with " + firstLine));
    }

    private static String text() {
        try {
            return Files.readString(OPERATIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
