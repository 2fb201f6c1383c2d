package ru.paragraf.sferum.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.maxemulator.Seed;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * One MAX bot per demo school in the in-process MAX emulator (bean {@code maxEmulator}, embedded mode only), for a
 * school that works in MAX instead of VK Сферум: user ids from 900000000 on, by school number, usernames like
 * {@code school622_bot}, a token derived from the school, so a token entered into the link base keeps verifying
 * after a restart. Seeded again at every start (the emulator gives a known bot its name and token again). Not entered
 * into the link base: choosing MAX and entering the token is the school admin's step, as for a VK community.
 */
@Component
@ConditionalOnDemoData
class DemoBots {

    static final long FIRST_ID = 900_000_000L;

    private final DemoLogins logins;
    private final DemoTexts texts;
    private final ObjectProvider<MaxEmulator> emulator;

    DemoBots(DemoLogins logins, DemoTexts texts, ObjectProvider<MaxEmulator> emulator) {
        this.logins = logins;
        this.texts = texts;
        this.emulator = emulator;
    }

    /** Adds the demo schools' bots to the emulator; none without an in-process emulator. */
    List<DemoBot> seed() {
        var max = emulator.getIfAvailable();
        if (max == null) {
            return List.of();
        }
        var bots = planned();
        max.seed(Seed.of(
                bots.stream()
                        .map(bot -> new Seed.Bot(bot.userId(), bot.username(), bot.name(), bot.token()))
                        .toList(),
                List.of()));
        return bots;
    }

    /** The bots to show; none unless the emulator runs in-process (never real tokens, never production). */
    List<DemoBot> listed() {
        return emulator.getIfAvailable() == null ? List.of() : planned();
    }

    /**
     * The in-process MAX emulator's «Телефон MAX» page, where a person in the demo plays the people in MAX (makes a
     * chat for the bot, sends a journal's code, opens a diary's deep link); null without an in-process emulator.
     */
    @org.jspecify.annotations.Nullable
    String phoneUrl() {
        var max = emulator.getIfAvailable();
        return max == null ? null : max.baseUrl() + "/_emulator/phone";
    }

    /** The start-up log's block, tokens masked (the whole token is on the /demo page); empty without bots. */
    String render(List<DemoBot> bots) {
        if (bots.isEmpty()) {
            return "";
        }
        var block = new StringBuilder(texts.get("demo.bots.log.title"));
        for (var bot : bots) {
            block.append("\n  ")
                    .append(texts.get(
                            "demo.bots.log.line", bot.name(), "@" + bot.username(), SecretMask.mask(bot.token())));
        }
        return block.toString();
    }

    private List<DemoBot> planned() {
        return logins.featured().stream()
                .filter(login ->
                        login.role() == Role.SCHOOL_ADMIN && login.school() != null && login.organizationId() != null)
                .map(login -> new DemoBot(
                        login.school(),
                        login.organizationId(),
                        FIRST_ID + login.school(),
                        "school" + login.school() + "_bot",
                        texts.get("demo.bot.name", login.place()),
                        token(login.organizationId(), FIRST_ID + login.school())))
                .toList();
    }

    /** A bot token of 64 hex characters, the same at every start. */
    static String token(UUID organization, long id) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var seed = "sferum-demo-bot:" + organization + ":" + id;
            return "max-demo-" + HexFormat.of().formatHex(digest.digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
