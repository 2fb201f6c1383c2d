package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedAndStartupTests {

    @Test
    void parsesTheBundledExampleSeed() throws Exception {
        try (var in = getClass().getResourceAsStream("/vk-emulator/example-seed.json")) {
            var seed = Seed.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));

            assertThat(seed.communities()).hasSize(2);
            assertThat(seed.communities().get(0).tokens().get(0).permissions()).contains("messages");
            assertThat(seed.users()).isNotEmpty();
            assertThat(seed.clients().get(0).redirectUris()).isNotEmpty();
        }
    }

    @Test
    void rejectsUnknownPermissionsAndFields() {
        assertThatThrownBy(() -> Seed.parse("{\"communities\":[{\"id\":1,\"tokens\":[{\"permissions\":[\"root\"]}]}]}"))
                .hasMessageContaining("root");
        assertThatThrownBy(() -> Seed.parse("{\"comunities\":[]}")).hasMessageContaining("comunities");
    }

    @Test
    void printsSummaryWithMaskedTokens() {
        try (var emulator = VkEmulator.start(Fixtures.seed())) {
            var out = new ByteArrayOutputStream();

            Main.printSummary(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));

            var text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains(emulator.baseUrl(), "228000101", "vk1.a.****…9f3c", "teacher@school.example");
            assertThat(text).doesNotContain(Fixtures.SCHOOL_TOKEN, Fixtures.TEACHER_PASSWORD);
        }
    }

    @Test
    void startsOnAFreePort() {
        try (var first = VkEmulator.start(EmulatorConfig.defaults());
                var second = VkEmulator.start(EmulatorConfig.defaults())) {
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
            assertThat(first.apiUrl()).isEqualTo(first.baseUrl() + "/method/");
        }
    }

    @Test
    void parsesFaultPlans() {
        var plan = FaultPlan.parse(
                """
                {"seed": 9, "latency": {"type": "lognormal", "p50_ms": 40, "p99_ms": 400},
                 "method_latency": {"calls.start": {"type": "uniform", "min_ms": 10, "max_ms": 20}},
                 "errors": [{"code": 6, "rate": 0.1}],
                 "timeouts": [{"rate": 0.01, "method": "messages.send", "hold_ms": 30000}],
                 "lost_responses": [{"rate": 0.02, "method": "messages.createChat"}]}
                """);

        assertThat(plan.latency()).isEqualTo(new FaultPlan.LogNormal(40, 400));
        assertThat(plan.methodLatency().get("calls.start")).isEqualTo(new FaultPlan.Uniform(10, 20));
        assertThat(plan.errors().get(0).method()).isNull();
        assertThat(plan.timeouts().get(0).holdMs()).isEqualTo(30000);
        assertThat(plan.lostResponses().get(0).method()).isEqualTo("messages.createChat");
    }
}
