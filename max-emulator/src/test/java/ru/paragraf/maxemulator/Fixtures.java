package ru.paragraf.maxemulator;

import java.time.Duration;
import java.util.List;

/** A small MAX world: two bots, a teacher, pupils (one whose privacy refuses bots), a parent. */
final class Fixtures {

    static final long BOT = 900_000_101L;
    static final String BOT_NAME = "school101_bot";
    static final String TOKEN = "max-test-school101-5b0c2f7e1d4a48a6b1c3d2e5f6a7b8c9";
    static final long OTHER_BOT = 900_000_202L;
    static final String OTHER_TOKEN = "max-test-gym202-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

    static final long TEACHER = 300_000_001L;
    static final long PUPIL = 300_000_002L;
    static final long PRIVATE_PUPIL = 300_000_003L;
    static final long PARENT = 300_000_004L;

    private Fixtures() {}

    static Seed seed() {
        return Seed.of(
                List.of(
                        new Seed.Bot(BOT, BOT_NAME, "Школа 101 — бот", TOKEN),
                        new Seed.Bot(OTHER_BOT, "gym202_bot", "Гимназия 202 — бот", OTHER_TOKEN)),
                List.of(
                        Seed.User.of(TEACHER, "Анна", "Смирнова"),
                        Seed.User.of(PUPIL, "Дмитрий", "Иванов"),
                        new Seed.User(PRIVATE_PUPIL, "Ольга", "Петрова", true),
                        Seed.User.of(PARENT, "Елена", "Иванова")));
    }

    /** The seed, rate limits off unless a test turns them on, webhook retries after 50 and 100 ms. */
    static EmulatorConfig.Builder config() {
        return EmulatorConfig.builder()
                .seed(seed())
                .rateLimitEnabled(false)
                .webhookRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    /** The teacher's chat with the bot in it as an admin with these permissions (none: a plain member). */
    static long chatWithBot(MaxEmulator max, ChatPermission... permissions) {
        var chat = max.createChat(TEACHER, "7А Алгебра");
        max.addBotToChat(chat, TEACHER, BOT);
        if (permissions.length > 0) {
            max.makeAdmin(chat, TEACHER, BOT, List.of(permissions));
        }
        return chat;
    }
}
