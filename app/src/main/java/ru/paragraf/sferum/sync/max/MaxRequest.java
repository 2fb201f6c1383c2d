package ru.paragraf.sferum.sync.max;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One MAX bot API call with its typed answer. Implementations are records grouped by API section ({@link MaxChats},
 * {@link MaxMessages}, …).
 *
 * @param <T> the type the answer's JSON is read into
 */
public interface MaxRequest<T> {

    /** The HTTP method: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}. */
    String verb();

    /** The path template, e.g. {@code /chats/{chatId}/members}: a bounded name for metrics and logs. */
    String template();

    /** The path with its variables filled in, e.g. {@code /chats/-70801090403050/members}. */
    String path();

    /** Query parameters (list values comma-joined, as MAX wants them). */
    default Map<String, String> query() {
        return Map.of();
    }

    /** The JSON body (a record, snake_case on the wire), or null for none. */
    default @Nullable Object body() {
        return null;
    }

    Class<T> responseType();

    /**
     * Whether repeating the call after an ambiguous failure (timeout, dropped connection, HTTP 5xx) cannot do it twice.
     * MAX has no idempotency key: a repeated send posts twice, so sends are never repeated after such a failure; the
     * caller reconciles by reading the chat's recent messages (max-protocol.md §3).
     */
    default boolean idempotent() {
        return true;
    }

    /** How much longer than the read timeout MAX may hold the answer on purpose (a long poll). */
    default Duration heldFor() {
        return Duration.ZERO;
    }

    /** {@code GET /chats/{chatId}}: the name of the call for meters, logs and the emulator's fault plan. */
    default String name() {
        return verb() + " " + template();
    }
}
