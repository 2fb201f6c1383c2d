package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.OTHER_TOKEN;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** About 30 requests/s per bot (green-api FAQ quoting MAX; UNCONFIRMED officially); 429 is documented ([SCH]). */
class RateLimitTests {

    private static final Clock STILL = Clock.fixed(Instant.parse("2026-09-01T07:00:00Z"), ZoneOffset.UTC);

    @Test
    void theThirtyFirstRequestInASecondIs429() {
        try (var max = MaxEmulator.start(
                Fixtures.config().rateLimitEnabled(true).clock(STILL).build())) {
            var http = new MaxHttp(max.baseUrl());
            for (int i = 0; i < 30; i++) {
                http.get(TOKEN, "/me").ok();
            }

            var refused = http.get(TOKEN, "/me");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().path("code").asString()).isEqualTo("too.many.requests");
            assertThat(refused.json().path("message").asString()).isNotEmpty();
            assertThat(max.stats().rateLimited()).containsEntry(BOT, 1);
            assertThat(http.get(OTHER_TOKEN, "/me").status())
                    .as("another bot has its own limit")
                    .isEqualTo(200);
        }
    }

    @Test
    void theLimitIsConfigurableAndCanBeSwitchedOff() {
        try (var five = MaxEmulator.start(Fixtures.config()
                        .rateLimitEnabled(true)
                        .requestsPerSecond(5)
                        .clock(STILL)
                        .build());
                var off = MaxEmulator.start(
                        Fixtures.config().rateLimitEnabled(false).clock(STILL).build())) {
            var limited = new MaxHttp(five.baseUrl());
            var unlimited = new MaxHttp(off.baseUrl());
            for (int i = 0; i < 5; i++) {
                limited.get(TOKEN, "/me").ok();
            }
            assertThat(limited.get(TOKEN, "/me").status()).isEqualTo(429);
            for (int i = 0; i < 50; i++) {
                unlimited.get(TOKEN, "/me").ok();
            }
        }
    }

    @Test
    void theBucketRefillsAsTimePasses() {
        var limiter = new RateLimiter(30);
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.tryAcquire(1_000)).isTrue();
        }
        assertThat(limiter.tryAcquire(1_000)).isFalse();
        assertThat(limiter.tryAcquire(1_034)).isTrue(); // 34 ms bring back one request at 30/s
        assertThat(limiter.tryAcquire(1_034)).isFalse();
    }
}
