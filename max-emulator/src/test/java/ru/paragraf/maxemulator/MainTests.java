package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTests {

    /** The bundled example seed: one bot «Школа 101 — бот» with a token, a few users (one refusing bots). */
    @Test
    void theExampleSeedHasTheSchoolBotAndUsers() {
        var seed = Main.exampleSeed();

        assertThat(seed.bots()).singleElement().satisfies(bot -> {
            assertThat(bot.firstName()).isEqualTo("Школа 101 — бот");
            assertThat(bot.token()).isNotBlank();
        });
        assertThat(seed.users()).hasSizeGreaterThanOrEqualTo(3).anyMatch(Seed.User::refusesBots);
    }

    @Test
    void theSummaryPrintsTheBaseUrlAndMasksTokens() {
        var seed = Main.exampleSeed();
        var token = seed.bots().get(0).token();
        try (var max = MaxEmulator.start(EmulatorConfig.builder().seed(seed).build())) {
            var out = new ByteArrayOutputStream();

            Main.printSummary(max, new PrintStream(out, true, StandardCharsets.UTF_8));

            var text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("MAX emulator listening on " + max.baseUrl());
            assertThat(text).contains("https://max.ru/school101_bot");
            assertThat(text).contains(token.substring(token.length() - 4)).doesNotContain(token);
        }
    }

    @Test
    void aSeedFileRefusesUnknownFields() {
        var wrong = "{\"bots\":[{\"user_id\":1,\"name\":\"b\",\"first_name\":\"B\",\"token\":\"t\",\"tokn\":\"x\"}]}";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Seed.parse(wrong))
                .hasMessageContaining("tokn");
    }
}
