package ru.paragraf.sferum.sync.max;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Messages in a chat ([SCH] 0.0.33 {@code /messages}). MAX has no idempotency key: see {@link Send}. */
public final class MaxMessages {

    /** MAX's limit of a message text. */
    public static final int MAX_TEXT = 4000;

    private MaxMessages() {}

    /**
     * {@code POST /messages?chat_id=}: text (markdown) and, optionally, one link button. Not idempotent: a repeat
     * after a lost answer posts twice, so the client never repeats it after an ambiguous failure; the caller stores
     * the returned {@code mid} and reconciles a lost answer with {@link Recent}.
     */
    public record Send(long chatId, String text, @Nullable LinkButton button, boolean notifies)
            implements MaxRequest<Sent> {

        public Send {
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("A message text must be 1 to " + MAX_TEXT + " characters");
            }
        }

        public static Send text(long chatId, String text) {
            return new Send(chatId, text, null, true);
        }

        record Body(
                String text,
                String format,
                @JsonProperty("notify") boolean notifies,
                @Nullable List<Attachment> attachments) {}

        record Attachment(String type, Keyboard payload) {}

        record Keyboard(List<List<Button>> buttons) {}

        record Button(String type, String text, String url) {}

        @Override
        public String verb() {
            return "POST";
        }

        @Override
        public String template() {
            return "/messages";
        }

        @Override
        public String path() {
            return "/messages";
        }

        @Override
        public Map<String, String> query() {
            return Map.of("chat_id", Long.toString(chatId));
        }

        @Override
        public Object body() {
            var attachments = button == null
                    ? null
                    : List.of(new Attachment(
                            "inline_keyboard",
                            new Keyboard(List.of(List.of(new Button("link", button.text(), button.url()))))));
            return new Body(text, "markdown", notifies, attachments);
        }

        @Override
        public Class<Sent> responseType() {
            return Sent.class;
        }

        @Override
        public boolean idempotent() {
            return false;
        }
    }

    /** A link button under a message: text 1–128 characters, url at most 2048. */
    public record LinkButton(String text, String url) {

        public LinkButton {
            if (text.isEmpty() || text.length() > 128 || url.isEmpty() || url.length() > 2048) {
                throw new IllegalArgumentException("A link button needs text of 1–128 and a url of 1–2048 characters");
            }
        }
    }

    /** {@code GET /messages?chat_id=&count=}: the chat's newest messages first, {@code count} 1–100. */
    public record Recent(long chatId, int count) implements MaxRequest<Messages> {

        public Recent {
            if (count < 1 || count > 100) {
                throw new IllegalArgumentException("count must be 1 to 100");
            }
        }

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/messages";
        }

        @Override
        public String path() {
            return "/messages";
        }

        @Override
        public Map<String, String> query() {
            return Map.of("chat_id", Long.toString(chatId), "count", Integer.toString(count));
        }

        @Override
        public Class<Messages> responseType() {
            return Messages.class;
        }
    }

    /** [SCH] {@code Message}: who sent it, where, when (Unix ms) and its body with the {@code mid}. */
    public record Message(MaxUser sender, Recipient recipient, long timestamp, Body body) {

        public String mid() {
            return body.mid();
        }

        public String text() {
            return body.text() == null ? "" : body.text();
        }

        public record Recipient(@Nullable Long chatId, @Nullable String chatType, @Nullable Long userId) {}

        public record Body(String mid, long seq, @Nullable String text) {}
    }

    /** The answer of a send: the message as posted, its {@code mid} included. */
    public record Sent(Message message) {}

    public record Messages(List<Message> messages) {

        public Messages {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }
}
