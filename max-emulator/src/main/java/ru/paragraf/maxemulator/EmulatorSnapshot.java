package ru.paragraf.maxemulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the emulated MAX holds at one moment, for tests and {@code /_emulator/state} (tokens masked). */
public record EmulatorSnapshot(List<Bot> bots, List<User> users, List<Chat> chats, Stats stats) {

    /** A bot; {@code pendingUpdates}: updates not acknowledged yet (long poll) or not delivered (webhook). */
    public record Bot(
            long userId,
            String name,
            String firstName,
            String maskedToken,
            @Nullable String webhookUrl,
            int pendingUpdates) {}

    public record User(long userId, String firstName, @Nullable String lastName, boolean refusesBots) {}

    /** A group chat ({@code type "chat"}) or a dialog of a person with a bot ({@code type "dialog"}). */
    public record Chat(
            long chatId,
            String type,
            String status,
            String title,
            @Nullable String description,
            long ownerId,
            String link,
            List<Member> members,
            List<Long> blocked,
            List<Message> messages,
            @Nullable String pinnedMid) {

        public Optional<Member> member(long userId) {
            return members.stream().filter(m -> m.userId() == userId).findFirst();
        }

        public List<Long> memberIds() {
            var ids = new ArrayList<Long>();
            members.forEach(m -> ids.add(m.userId()));
            return ids;
        }

        public List<String> texts() {
            var texts = new ArrayList<String>();
            messages.forEach(m -> texts.add(m.text()));
            return texts;
        }
    }

    public record Member(
            long userId, String name, boolean bot, boolean owner, boolean admin, List<String> permissions) {}

    /** A message, oldest first; {@code buttons} are those of its inline keyboards, row by row. */
    public record Message(
            String mid, long senderId, long timestamp, String text, List<Button> buttons, boolean edited) {}

    public record Button(String type, String text, @Nullable String url, @Nullable String payload) {}

    /**
     * Counters since this process started: calls per method ({@code "POST /messages"}), error answers per method and
     * code, 429s per bot id, webhook deliveries and failed attempts.
     */
    public record Stats(
            Map<String, Integer> methodCalls,
            Map<String, Map<String, Integer>> methodErrors,
            Map<Long, Integer> rateLimited,
            int webhookDeliveries,
            int webhookFailures) {

        public int callsOf(String method) {
            return methodCalls.getOrDefault(method, 0);
        }

        public int errorsOf(String method, String code) {
            return methodErrors.getOrDefault(method, Map.of()).getOrDefault(code, 0);
        }
    }

    public Optional<Chat> chat(long chatId) {
        return chats.stream().filter(c -> c.chatId() == chatId).findFirst();
    }
}
