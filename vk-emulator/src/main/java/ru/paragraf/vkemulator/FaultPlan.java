package ru.paragraf.vkemulator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Faults to inject into VK API calls ({@code /method/*}): latency, error answers, timeouts (the request is held,
 * then dropped, nothing done) and lost responses (the method is performed, then the connection is dropped).
 * Rules with a null {@code method} apply to every method. Off by default ({@link #NONE}).
 *
 * @param seed seed of the fault random generator, for reproducible runs; null uses 42
 * @param latency latency added to every answer; null for none
 * @param methodLatency latency per method name, replacing {@code latency} for that method
 */
public record FaultPlan(
        @Nullable Long seed,
        @Nullable Latency latency,
        Map<String, Latency> methodLatency,
        List<ErrorRule> errors,
        List<TimeoutRule> timeouts,
        List<LostResponseRule> lostResponses) {

    public static final FaultPlan NONE = new FaultPlan(null, null, null, null, null, null);

    public FaultPlan {
        methodLatency = methodLatency == null ? Map.of() : Map.copyOf(methodLatency);
        errors = errors == null ? List.of() : List.copyOf(errors);
        timeouts = timeouts == null ? List.of() : List.copyOf(timeouts);
        lostResponses = lostResponses == null ? List.of() : List.copyOf(lostResponses);
    }

    /** How long answers are delayed; JSON {@code {"type":"fixed","ms":…}}, {@code uniform}, {@code lognormal}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Fixed.class, name = "fixed"),
        @JsonSubTypes.Type(value = Uniform.class, name = "uniform"),
        @JsonSubTypes.Type(value = LogNormal.class, name = "lognormal")
    })
    public sealed interface Latency permits Fixed, Uniform, LogNormal {

        static Latency fixed(Duration delay) {
            return new Fixed(delay.toMillis());
        }

        static Latency uniform(Duration min, Duration max) {
            return new Uniform(min.toMillis(), max.toMillis());
        }

        /** Log-normal with the given median and 99th percentile. */
        static Latency logNormal(Duration p50, Duration p99) {
            return new LogNormal(p50.toMillis(), p99.toMillis());
        }
    }

    public record Fixed(long ms) implements Latency {}

    public record Uniform(long minMs, long maxMs) implements Latency {}

    public record LogNormal(long p50Ms, long p99Ms) implements Latency {}

    /** Answer VK error {@code code} for a share {@code rate} (0..1) of calls, before anything is done. */
    public record ErrorRule(int code, double rate, @Nullable String method) {}

    /** Hold a share of calls for {@code holdMs} (default 30 s), then drop the connection; nothing is done. */
    public record TimeoutRule(double rate, @Nullable String method, long holdMs) {}

    /** Perform a share of calls, then drop the connection instead of answering. */
    public record LostResponseRule(double rate, @Nullable String method) {}

    public FaultPlan withSeed(long value) {
        return new FaultPlan(value, latency, methodLatency, errors, timeouts, lostResponses);
    }

    public FaultPlan withLatency(Latency value) {
        return new FaultPlan(seed, value, methodLatency, errors, timeouts, lostResponses);
    }

    public FaultPlan withMethodLatency(String method, Latency value) {
        var map = new LinkedHashMap<>(methodLatency);
        map.put(method, value);
        return new FaultPlan(seed, latency, map, errors, timeouts, lostResponses);
    }

    /** Error {@code code} for a share of all calls, or of one method's calls when {@code method} is not null. */
    public FaultPlan withError(int code, double rate, @Nullable String method) {
        return new FaultPlan(
                seed,
                latency,
                methodLatency,
                append(errors, new ErrorRule(code, rate, method)),
                timeouts,
                lostResponses);
    }

    public FaultPlan withTimeout(double rate, @Nullable String method, Duration hold) {
        var rule = new TimeoutRule(rate, method, hold.toMillis());
        return new FaultPlan(seed, latency, methodLatency, errors, append(timeouts, rule), lostResponses);
    }

    public FaultPlan withLostResponse(double rate, @Nullable String method) {
        var rule = new LostResponseRule(rate, method);
        return new FaultPlan(seed, latency, methodLatency, errors, timeouts, append(lostResponses, rule));
    }

    public static FaultPlan parse(String json) {
        return Json.MAPPER.readValue(json, FaultPlan.class);
    }

    public static FaultPlan read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read faults file " + file, e);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        var copy = new ArrayList<T>(list);
        copy.add(item);
        return copy;
    }
}
