package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static ru.paragraf.vkemulator.Fixtures.OTHER_SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.OTHER_SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTests {

    private final MutableClock clock = new MutableClock();
    private VkEmulator emulator;
    private VkHttp http;

    private void start(EmulatorConfig.RateLimitMode mode) {
        emulator = VkEmulator.start(EmulatorConfig.builder()
                .seed(Fixtures.seed())
                .clock(clock)
                .rateLimitMode(mode)
                .build());
        http = new VkHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void refusesTheTwentyFirstCommunityRequestWithinOneSecond() {
        start(EmulatorConfig.RateLimitMode.TOKEN_BUCKET);

        for (int i = 1; i <= 20; i++) {
            assertThat(http.call("groups.getById", SCHOOL_TOKEN).has("response"))
                    .as("request %d", i)
                    .isTrue();
        }
        var error = http.call("groups.getById", SCHOOL_TOKEN).path("error");

        assertThat(error.path("error_code").asInt()).isEqualTo(6);
        assertThat(error.path("error_msg").asString()).isEqualTo("Too many requests per second");
    }

    @Test
    void allowsThreeUserRequestsAndRefusesTheFourth() {
        start(EmulatorConfig.RateLimitMode.TOKEN_BUCKET);
        var userToken = emulator.issueUserToken(TEACHER);

        for (int i = 1; i <= 3; i++) {
            assertThat(http.call("users.get", userToken).has("response")).isTrue();
        }

        assertThat(http.errorCode("users.get", userToken)).isEqualTo(6);
    }

    @Test
    void limitsEachTokenSeparately() {
        start(EmulatorConfig.RateLimitMode.TOKEN_BUCKET);
        for (int i = 0; i < 21; i++) {
            http.call("groups.getById", SCHOOL_TOKEN);
        }

        assertThat(http.call("groups.getById", OTHER_SCHOOL_TOKEN).has("response"))
                .isTrue();
    }

    @Test
    void refillsContinuouslyAndRejectedRequestsConsumeNothing() {
        start(EmulatorConfig.RateLimitMode.TOKEN_BUCKET);
        var userToken = emulator.issueUserToken(TEACHER);
        for (int i = 0; i < 3; i++) {
            http.call("users.get", userToken);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(http.errorCode("users.get", userToken)).isEqualTo(6);
        }

        clock.advance(Duration.ofMillis(334)); // one token at 3/s

        assertThat(http.call("users.get", userToken).has("response")).isTrue();
        assertThat(http.errorCode("users.get", userToken)).isEqualTo(6);
    }

    @Test
    void countsViolationsPerTokenWithoutRevealingIt() {
        start(EmulatorConfig.RateLimitMode.TOKEN_BUCKET);
        for (int i = 0; i < 23; i++) {
            http.call("groups.getById", SCHOOL_TOKEN);
        }

        var violations = emulator.stats().rateLimitViolations();

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).count()).isEqualTo(3);
        assertThat(violations.get(0).kind()).isEqualTo("community");
        assertThat(violations.get(0).token()).isEqualTo("vk1.a.****…9f3c");
        assertThat(violations.get(0).toString()).doesNotContain(SCHOOL_TOKEN);
        assertThat(emulator.stats().errorsOf("groups.getById", 6)).isEqualTo(3);
    }

    @Test
    void countsTheRequestsEachTokenMadeWithinItsLimit() {
        start(EmulatorConfig.RateLimitMode.TOKEN_BUCKET);
        var userToken = emulator.issueUserToken(TEACHER);
        for (int i = 0; i < 23; i++) {
            http.call("groups.getById", SCHOOL_TOKEN);
        }
        http.call("groups.getById", OTHER_SCHOOL_TOKEN);
        http.call("messages.doSomethingElse", OTHER_SCHOOL_TOKEN);
        for (int i = 0; i < 4; i++) {
            http.call("users.get", userToken);
        }
        http.call("users.get", "vk1.a.not-a-token-the-emulator-knows");

        assertThat(emulator.stats().tokenRequests())
                .as("refused with error 6 or unknown: not counted; an unknown method within the limit: counted")
                .extracting(
                        EmulatorSnapshot.TokenRequests::kind,
                        EmulatorSnapshot.TokenRequests::ownerId,
                        EmulatorSnapshot.TokenRequests::count)
                .containsExactlyInAnyOrder(
                        tuple("community", SCHOOL, 20L),
                        tuple("community", OTHER_SCHOOL, 2L),
                        tuple("user", TEACHER, 3L));
        assertThat(emulator.stats().tokenRequests().toString())
                .doesNotContain(SCHOOL_TOKEN)
                .doesNotContain(userToken);
    }

    @Test
    void slidingWindowAdmitsNoMoreThanTheRateInAnySecond() {
        start(EmulatorConfig.RateLimitMode.SLIDING_WINDOW);
        var userToken = emulator.issueUserToken(TEACHER);
        for (int i = 0; i < 3; i++) {
            http.call("users.get", userToken);
            clock.advance(Duration.ofMillis(300));
        }

        assertThat(http.errorCode("users.get", userToken)).isEqualTo(6); // t=900 ms: three in the last second

        clock.advance(Duration.ofMillis(100)); // t=1000 ms: the first one has left the window
        assertThat(http.call("users.get", userToken).has("response")).isTrue();
    }
}
