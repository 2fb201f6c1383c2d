package ru.paragraf.sferum.sync.max;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.annotation.Validated;

/**
 * How the application talks to MAX's bot API.
 *
 * @param apiUrl base URL of the bot API (max-protocol.md §1: {@code platform-api.max.ru} is no longer allowed)
 * @param requestsPerSecond client-side limit per bot token; MAX's ≈ 30/s is UNCONFIRMED officially
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout how long to wait for the answer once the request is sent (a long poll adds its own timeout)
 * @param maxWait the longest a call waits for a rate-limit permit before it fails as throttled
 * @param retry retries of transient failures, 429 included
 */
@Validated
@ConfigurationProperties("sferum.max")
public record MaxProperties(
        @DefaultValue("https://platform-api2.max.ru") @NotBlank String apiUrl,
        @DefaultValue("30") @Positive int requestsPerSecond,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("30s") Duration maxWait,
        @DefaultValue @Valid RetryPolicy retry) {

    /**
     * Retries with exponential backoff and jitter; a 429's {@code Retry-After}, if MAX sends one, is waited at least.
     *
     * @param maxAttempts attempts per call, the first included
     * @param initialBackoff the wait before the first retry
     * @param multiplier growth of the wait per retry
     * @param maxBackoff the longest single wait
     * @param maxTotalTime no retry starts after this much time since the call began
     */
    public record RetryPolicy(
            @DefaultValue("5") @Positive int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxTotalTime) {}

    /** Binds {@code sferum.max.*} keys of the map over the defaults; for code that runs without Spring. */
    public static MaxProperties of(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("sferum.max", MaxProperties.class);
    }

    String url(String path) {
        var base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        return base + path;
    }
}
