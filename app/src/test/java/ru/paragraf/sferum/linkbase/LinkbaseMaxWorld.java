package ru.paragraf.sferum.linkbase;

import java.util.List;
import ru.paragraf.maxemulator.EmulatorConfig;
import ru.paragraf.maxemulator.FaultPlan;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.maxemulator.Seed;

/** MAX for the link base's tests: the real MAX emulator with the bot of school A (rate limit off). */
final class LinkbaseMaxWorld {

    static final long BOT_A = 900_000_622L;
    static final String BOT_A_USERNAME = "school622_bot";
    static final String BOT_A_NAME = "Школа № 622 — бот";
    static final String BOT_TOKEN_A = "max-linkbase-test-school-a-7c1e9b4d2f8a46e0b3d5c7a9e1f3b5d7";
    static final String WRONG_BOT_TOKEN = "max-linkbase-test-never-issued-0a1b2c3d4e5f60718293a4b5c6d7";

    static final MaxEmulator emulator = MaxEmulator.start(
            EmulatorConfig.builder().rateLimitEnabled(false).seed(seed()).build());

    private LinkbaseMaxWorld() {}

    static Seed seed() {
        return Seed.of(List.of(new Seed.Bot(BOT_A, BOT_A_USERNAME, BOT_A_NAME, BOT_TOKEN_A)), List.of());
    }

    static void reset() {
        emulator.faults(FaultPlan.NONE);
    }

    /** Every {@code GET /me} answers 503 until {@link #reset()}. */
    static void unreachable() {
        emulator.faults(FaultPlan.NONE.withUnavailable("GET /me", 0));
    }
}
