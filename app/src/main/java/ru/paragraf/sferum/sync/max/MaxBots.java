package ru.paragraf.sferum.sync.max;

import org.jspecify.annotations.Nullable;

/** The bot itself ({@code /me}). */
public final class MaxBots {

    private MaxBots() {}

    /** {@code GET /me}: the token's bot; a wrong token is 401 {@code verify.token}. */
    public record GetMe() implements MaxRequest<BotInfo> {

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/me";
        }

        @Override
        public String path() {
            return "/me";
        }

        @Override
        public Class<BotInfo> responseType() {
            return BotInfo.class;
        }
    }

    /**
     * [SCH] {@code BotInfo}: the bot's user id, its display name ({@code first_name}, or {@code name}) and its
     * {@code username}, the name of its deep links {@code https://max.ru/<username>?start=…}.
     */
    public record BotInfo(
            long userId, @Nullable String firstName, @Nullable String name, @Nullable String username, boolean isBot) {

        /** What people see as the bot's name. */
        public String displayName() {
            var shown = name != null && !name.isBlank() ? name : firstName;
            return shown == null ? "" : shown;
        }
    }
}
