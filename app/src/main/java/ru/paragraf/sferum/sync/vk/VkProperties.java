package ru.paragraf.sferum.sync.vk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
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
 * How the application talks to VK: endpoints, API version, timeouts, client-side rate limits and retries.
 *
 * @param apiUrl base URL of the VK API; methods are at {@code apiUrl/method/NAME}
 * @param idUrl base URL of VK ID (OAuth 2.1), used by the diary's VK ID link
 * @param version the {@code v} parameter sent with every call
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout how long to wait for VK's answer once the request is sent
 * @param rateLimit the client-side limits per token
 * @param retry retries of retryable failures
 */
@Validated
@ConfigurationProperties("sferum.vk")
public record VkProperties(
        @DefaultValue("https://api.vk.com") @NotBlank String apiUrl,
        @DefaultValue("https://id.vk.com") @NotBlank String idUrl,
        @DefaultValue("5.199") @NotBlank String version,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue @Valid RetryPolicy retry) {

    /**
     * Client-side rate limits per token. Permits are handed out evenly, one every {@code 1 s / perSecond}, never
     * in bursts: VK's server-side bucket then never runs dry (see {@code VkRateLimiters}).
     *
     * @param communityPerSecond requests per second of one community token (VK: 20)
     * @param userPerSecond requests per second of one user token (VK: 3)
     * @param maxWait the longest a call waits for a permit before it fails as throttled
     * @param idleEviction a token's limiter is dropped after this long without calls
     */
    public record RateLimit(
            @DefaultValue("20") @Positive int communityPerSecond,
            @DefaultValue("3") @Positive int userPerSecond,
            @DefaultValue("30s") Duration maxWait,
            @DefaultValue("10m") Duration idleEviction) {}

    /**
     * Retries with exponential backoff and jitter.
     *
     * @param maxAttempts attempts per call, the first included
     * @param initialBackoff the wait before the first retry
     * @param multiplier growth of the wait per retry
     * @param jitter randomization factor of each wait, 0 (none) to below 1
     * @param maxBackoff the longest single wait
     * @param maxTotalTime no retry starts after this much time since the call began
     */
    public record RetryPolicy(
            @DefaultValue("4") @Positive int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double jitter,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxTotalTime) {}

    /** Binds {@code sferum.vk.*} keys of the map over the defaults; for code that runs without Spring. */
    public static VkProperties of(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("sferum.vk", VkProperties.class);
    }

    /** The API method URL prefix, without a doubled slash whatever {@code apiUrl} ends with. */
    String methodUrl(String method) {
        var base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        return base + "/method/" + method;
    }
}
