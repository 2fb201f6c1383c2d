package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTests {

    private VkEmulator emulator;
    private VkHttp http;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(new MutableClock()).build());
        http = new VkHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 9, 10, 29})
    void errorRateOfOneGivesThatErrorForThatMethodOnly(int code) {
        emulator.faults(FaultPlan.NONE.withError(code, 1.0, "messages.createChat"));

        var error = http.call("messages.createChat", SCHOOL_TOKEN, "title", "x").path("error");

        assertThat(error.path("error_code").asInt()).isEqualTo(code);
        assertThat(error.path("error_msg").asString()).isEqualTo(ApiError.standardMessage(code));
        assertThat(emulator.chats()).isEmpty();
        assertThat(http.call("groups.getById", SCHOOL_TOKEN).has("response")).isTrue();
        assertThat(emulator.stats().errorsOf("messages.createChat", code)).isEqualTo(1);
    }

    @Test
    void lostResponseStillPerformsTheMethod() {
        emulator.faults(FaultPlan.NONE.withLostResponse(1.0, "messages.createChat"));

        assertThatThrownBy(() -> http.call("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А"))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(emulator.chats()).hasSize(1);
        assertThat(emulator.chats().get(0).title()).isEqualTo("Алгебра 7А");
    }

    @Test
    void retryAfterLostSendAnswersTheOriginalMessage() {
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А");
        emulator.faults(FaultPlan.NONE.withLostResponse(1.0, "messages.send"));
        String[] send = {"peer_ids", "2000000001", "random_id", "4242", "message", "Звонок: ссылка"};
        assertThatThrownBy(() -> http.call("messages.send", SCHOOL_TOKEN, send))
                .isInstanceOf(UncheckedIOException.class);

        emulator.clearFaults();
        var retry = http.ok("messages.send", SCHOOL_TOKEN, send);

        assertThat(retry.get(0).path("conversation_message_id").asLong()).isEqualTo(2);
        assertThat(emulator.chats().get(0).textMessages()).hasSize(1);
    }

    @Test
    void timeoutHoldsTheRequestThenDropsItWithoutDoingAnything() {
        emulator.faults(FaultPlan.NONE.withTimeout(1.0, "messages.createChat", Duration.ofMillis(200)));

        assertThatThrownBy(() -> http.call("messages.createChat", SCHOOL_TOKEN, "title", "x"))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(emulator.chats()).isEmpty();
    }

    @Test
    void timeoutOutlastsTheClientTimeout() {
        emulator.faults(FaultPlan.NONE.withTimeout(1.0, null, Duration.ofSeconds(30)));
        var request = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "groups.getById"))
                .timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("v=5.199&access_token=" + SCHOOL_TOKEN))
                .build();

        assertThatThrownBy(() -> http.client().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void appliesFixedLatency() {
        emulator.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(Duration.ofMillis(300))));

        long started = System.nanoTime();
        http.ok("groups.getById", SCHOOL_TOKEN);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void latencyDoesNotOccupyAWorkerThread() throws Exception {
        emulator.close();
        emulator = VkEmulator.start(
                Fixtures.config(new MutableClock()).workerThreads(1).build());
        http = new VkHttp(emulator);
        emulator.faults(FaultPlan.NONE.withMethodLatency("users.get", FaultPlan.Latency.fixed(Duration.ofSeconds(5))));
        var slow = http.client()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(
                                        emulator.apiUrl() + "users.get?v=5.199&access_token=" + SCHOOL_TOKEN))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        var fast = http.ok("groups.getById", SCHOOL_TOKEN);

        assertThat(fast.path("groups").size()).isEqualTo(1);
        assertThat(slow).isNotDone();
    }

    @Test
    void sameSeedGivesTheSameFaults() throws ExecutionException {
        var plan = FaultPlan.NONE.withSeed(7).withError(10, 0.5, null);

        var first = outcomes(plan);
        var second = outcomes(plan);

        assertThat(first).isEqualTo(second).contains(10, 0);
    }

    @Test
    void logNormalLatencyHasTheRequestedMedianAndTail() {
        var faults = new Faults();
        faults.set(FaultPlan.NONE
                .withSeed(1)
                .withLatency(FaultPlan.Latency.logNormal(Duration.ofMillis(100), Duration.ofMillis(1000))));
        var samples = new ArrayList<Long>();
        for (int i = 0; i < 20_000; i++) {
            samples.add(faults.latencyMillis("messages.send"));
        }
        samples.sort(null);

        assertThat(samples.get(10_000)).isBetween(90L, 110L);
        assertThat(samples.get(19_800)).isBetween(800L, 1250L);
    }

    private List<Integer> outcomes(FaultPlan plan) {
        emulator.faults(plan);
        var codes = new ArrayList<Integer>();
        for (int i = 0; i < 20; i++) {
            var answer = http.call("groups.getById", SCHOOL_TOKEN);
            codes.add(answer.path("error").path("error_code").asInt(0));
        }
        return codes;
    }

    @Test
    void userTokensAreAffectedToo() {
        emulator.faults(FaultPlan.NONE.withError(9, 1.0, "calls.start"));

        assertThat(http.errorCode("calls.start", emulator.issueUserToken(TEACHER)))
                .isEqualTo(9);
        assertThat(emulator.calls()).isEmpty();
    }
}
