package ru.paragraf.sferum.sync.max;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Group chats the bot is in: read, rename, pin ([SCH] 0.0.33; there is no call that creates a chat). */
public final class MaxChats {

    private MaxChats() {}

    /** {@code GET /chats/{chatId}}. */
    public record Get(long chatId) implements MaxRequest<Chat> {

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/chats/{chatId}";
        }

        @Override
        public String path() {
            return "/chats/" + chatId;
        }

        @Override
        public Class<Chat> responseType() {
            return Chat.class;
        }
    }

    /** {@code PATCH /chats/{chatId}} with a new title (1–200 characters); the bot needs {@code change_chat_info}. */
    public record EditTitle(long chatId, String title) implements MaxRequest<Chat> {

        record Body(String title, @JsonProperty("notify") boolean notifies) {}

        @Override
        public String verb() {
            return "PATCH";
        }

        @Override
        public String template() {
            return "/chats/{chatId}";
        }

        @Override
        public String path() {
            return "/chats/" + chatId;
        }

        @Override
        public Object body() {
            return new Body(title, false);
        }

        @Override
        public Class<Chat> responseType() {
            return Chat.class;
        }
    }

    /** {@code PUT /chats/{chatId}/pin}: pins a message (by its {@code mid}); repeating it pins the same one. */
    public record Pin(long chatId, String mid, boolean notifies) implements MaxRequest<MaxResult> {

        record Body(String messageId, @JsonProperty("notify") boolean notifies) {}

        @Override
        public String verb() {
            return "PUT";
        }

        @Override
        public String template() {
            return "/chats/{chatId}/pin";
        }

        @Override
        public String path() {
            return "/chats/" + chatId + "/pin";
        }

        @Override
        public Object body() {
            return new Body(mid, notifies);
        }

        @Override
        public Class<MaxResult> responseType() {
            return MaxResult.class;
        }
    }

    /**
     * [SCH] {@code Chat}: {@code type} {@code dialog|chat|channel}; {@code status}
     * {@code active|removed|left|closed|suspended}; {@code link} is read-only (MAX has no call to make one); {@code
     * ownerId} only for an admin.
     */
    public record Chat(
            long chatId,
            String type,
            String status,
            @Nullable String title,
            @Nullable String link,
            int participantsCount,
            @Nullable Long ownerId) {

        public boolean active() {
            return "active".equals(status);
        }
    }
}
