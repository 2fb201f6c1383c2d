package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.Nullable;

/**
 * The MAX bot of an organization as the «База ссылок» tab shows it; the token masked.
 *
 * @param handle {@code @school101_bot}, once MAX named the bot
 * @param stateText «@school101_bot, проверено ✓», «не проверены» or «ошибка: …»
 */
record BotView(
        @Nullable String name,
        @Nullable String handle,
        String tokenMasked,
        String state,
        String stateText,
        @Nullable String verdictAt,
        @Nullable String nextCheckAt,
        @Nullable String savedAt,
        String savedBy) {

    static BotView of(StoredBot b, LinkbaseTexts texts) {
        return new BotView(
                b.botName(),
                b.botUsername() == null ? null : "@" + b.botUsername(),
                b.tokenMasked(),
                b.state().name(),
                texts.botState(b),
                texts.time(b.verdictAt()),
                texts.time(b.nextCheckAt()),
                texts.time(b.savedAt()),
                b.savedBy());
    }

    public boolean verified() {
        return "VERIFIED".equals(state);
    }

    public boolean failed() {
        return "FAILED".equals(state);
    }
}
