package ru.paragraf.sferum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * Where the server threads' CPU goes while pages are rendered: a JFR recording of execution samples taken around
 * the measured requests, reduced to the methods with the largest share of samples (inclusive: the method is
 * anywhere on the stack; self: it is on top).
 */
final class PageProfile implements AutoCloseable {

    /** A method and its share of the samples. */
    record Share(String method, int samples, double percent) {}

    /**
     * The reduced profile of one page; {@code owners} gives each sample to the innermost frame of a known library
     * (a sample in {@code HashMap.get} called by Thymeleaf counts for Thymeleaf; in SpEL called by Thymeleaf, for
     * SpEL).
     */
    record Figures(int samples, List<Share> owners, List<Share> inclusive, List<Share> self) {}

    /** Known libraries by package prefix, searched from the innermost frame out. */
    private static final Map<String, String> OWNERS = owners();

    private static Map<String, String> owners() {
        var owners = new LinkedHashMap<String, String>();
        owners.put("org.postgresql.", "PostgreSQL driver");
        owners.put("com.zaxxer.hikari.", "connection pool");
        owners.put("org.springframework.jdbc.", "Spring JDBC");
        owners.put("org.springframework.expression.", "SpEL (template expressions)");
        owners.put("org.springframework.context.support.", "MessageSource");
        owners.put("java.text.", "java.text (MessageFormat, formats)");
        owners.put("java.time.format.", "java.time.format");
        owners.put("org.thymeleaf.", "Thymeleaf");
        owners.put("org.attoparser.", "Thymeleaf's parser (attoparser)");
        owners.put("org.springframework.security.", "Spring Security");
        owners.put("org.springframework.session.", "Spring Session");
        owners.put("org.springframework.web.", "Spring MVC");
        owners.put("org.springframework.", "Spring, other");
        owners.put("ru.paragraf.", "application code");
        owners.put("org.apache.", "Tomcat");
        return owners;
    }

    private static final String SERVER_THREADS = "http-nio-";

    private final Recording recording = new Recording();

    PageProfile() {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.start();
    }

    /**
     * Stops the recording and reduces it to the top {@code limit} methods of each kind; the recording itself is
     * written to {@code keep} when given (for {@code jfr print} or a flame graph).
     */
    Figures stop(int limit, @Nullable Path keep) throws IOException {
        recording.stop();
        var file = keep != null ? keep : Files.createTempFile("pages", ".jfr");
        try {
            recording.dump(file);
            return reduce(file, limit);
        } finally {
            if (keep == null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Figures reduce(Path file, int limit) throws IOException {
        var inclusive = new HashMap<String, Integer>();
        var self = new HashMap<String, Integer>();
        var owners = new HashMap<String, Integer>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            if (!serverThread(event) || event.getStackTrace() == null) {
                continue;
            }
            var frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            owners.merge(owner(frames), 1, Integer::sum);
            var seen = new HashSet<String>();
            for (var frame : frames) {
                if (seen.add(name(frame))) {
                    inclusive.merge(name(frame), 1, Integer::sum);
                }
            }
        }
        return new Figures(
                samples,
                top(owners, samples, OWNERS.size() + 1),
                top(inclusive, samples, limit),
                top(self, samples, limit));
    }

    private static String owner(List<RecordedFrame> frames) {
        for (var frame : frames) {
            var type = frame.getMethod().getType().getName();
            for (var owner : OWNERS.entrySet()) {
                if (type.startsWith(owner.getKey())) {
                    return owner.getValue();
                }
            }
        }
        return "JDK, other";
    }

    private static boolean serverThread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        return thread != null
                && thread.getJavaName() != null
                && thread.getJavaName().startsWith(SERVER_THREADS);
    }

    private static String name(RecordedFrame frame) {
        var method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    private static List<Share> top(Map<String, Integer> counts, int samples, int limit) {
        var sorted = new LinkedHashMap<String, Integer>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(samples, 1)))
                .toList();
    }

    @Override
    public void close() {
        recording.close();
    }
}
