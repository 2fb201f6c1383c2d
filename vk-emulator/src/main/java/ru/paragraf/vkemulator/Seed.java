package ru.paragraf.vkemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Initial state: communities with their tokens, test VK users, VK ID clients. Read from a JSON seed file
 * (snake_case names, see the README) or built in code.
 */
public record Seed(List<Community> communities, List<User> users, List<Client> clients) {

    public static final Seed EMPTY = new Seed(List.of(), List.of(), List.of());

    public Seed {
        communities = communities == null ? List.of() : List.copyOf(communities);
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * A community (VK group).
     *
     * @param tokens its community access tokens; a token without a value gets a generated one
     * @param organizationMembers if given, only these users may join its chats (VK error 1019 otherwise)
     */
    public record Community(
            long id,
            @Nullable String name,
            @Nullable String screenName,
            List<Token> tokens,
            @Nullable List<Long> organizationMembers) {

        public Community {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
            organizationMembers = organizationMembers == null ? null : List.copyOf(organizationMembers);
        }

        public static Community of(long id, @Nullable String name, @Nullable String screenName, Token... tokens) {
            return new Community(id, name, screenName, List.of(tokens), null);
        }
    }

    /**
     * A community access token.
     *
     * @param value the secret; null to generate one
     * @param permissions API names such as {@code messages}, {@code manage} (see {@link CommunityPermission})
     */
    public record Token(@Nullable String value, List<String> permissions) {

        public Token {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
            permissions.forEach(CommunityPermission::byName);
        }

        public static Token of(@Nullable String value, CommunityPermission... permissions) {
            return new Token(
                    value,
                    Arrays.stream(permissions).map(CommunityPermission::apiName).toList());
        }
    }

    /** A test VK account; {@code login} and {@code password} are what the VK ID page accepts. */
    public record User(
            long id,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String login,
            @Nullable String password,
            @Nullable String email,
            @Nullable String phone,
            @Nullable Integer sex,
            @Nullable String birthday) {

        public static User of(long id, String firstName, String lastName, String login, @Nullable String password) {
            return new User(id, firstName, lastName, login, password, null, null, null, null);
        }
    }

    /** A VK ID application and the exact redirect URIs it may use. */
    public record Client(String clientId, List<String> redirectUris) {

        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }

        public static Client of(String clientId, String... redirectUris) {
            return new Client(clientId, List.of(redirectUris));
        }
    }

    public static Seed of(List<Community> communities, List<User> users, List<Client> clients) {
        return new Seed(communities, users, clients);
    }

    /** Parses a seed document (JSON). */
    public static Seed parse(String json) {
        return Json.MAPPER.readValue(json, Seed.class);
    }

    public static Seed read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + file, e);
        }
    }
}
