package ru.paragraf.maxemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bots (each with its token) and MAX users to start with. JSON, snake_case, unknown fields refused:
 * {@code {"bots":[{"user_id":…,"name":"school101_bot","first_name":"Школа 101 — бот","token":"…"}],
 * "users":[{"user_id":…,"first_name":"Анна","last_name":"Смирнова","refuses_bots":false}]}}.
 */
public record Seed(List<Bot> bots, List<User> users) {

    public static final Seed EMPTY = new Seed(List.of(), List.of());

    public Seed {
        bots = bots == null ? List.of() : List.copyOf(bots);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public static Seed of(List<Bot> bots, List<User> users) {
        return new Seed(bots, users);
    }

    /**
     * A bot: its user id, its {@code name} (the username of deep links {@code https://max.ru/<name>?start=…}), its
     * display name and its token (sent raw in the {@code Authorization} header).
     */
    public record Bot(long userId, String name, String firstName, String token) {}

    /** A MAX user; {@code refusesBots}: their privacy settings refuse being added to chats by bots. */
    public record User(long userId, String firstName, @Nullable String lastName, boolean refusesBots) {

        public static User of(long userId, String firstName, @Nullable String lastName) {
            return new User(userId, firstName, lastName, false);
        }
    }

    public static Seed parse(String json) {
        return Json.STRICT.readValue(json, Seed.class);
    }

    public static Seed read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + file, e);
        }
    }
}
