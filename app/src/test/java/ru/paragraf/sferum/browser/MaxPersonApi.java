package ru.paragraf.sferum.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MAX emulator's person API ({@code /_emulator}) over HTTP, as the browser tests play the people in MAX: a person
 * joins MAX, makes a chat, adds the school's bot and makes it admin, writes in the chat, opens a deep link. A refused
 * action fails the test with the emulator's answer.
 */
final class MaxPersonApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    MaxPersonApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    long addUser(String firstName, String lastName) {
        return post("/_emulator/users", body().put("first_name", firstName).put("last_name", lastName))
                .path("user_id")
                .asLong();
    }

    long createChat(long owner, String title) {
        return post("/_emulator/chats", body().put("owner_id", owner).put("title", title))
                .path("chat_id")
                .asLong();
    }

    void addBot(long chat, long by, long bot) {
        post("/_emulator/chats/" + chat + "/bots", body().put("by_user_id", by).put("bot_id", bot));
    }

    /** Makes the user an admin with every permission a school's bot asks for. */
    void makeAdmin(long chat, long by, long user) {
        var request = body().put("by_user_id", by).put("user_id", user);
        var permissions = request.putArray("permissions");
        for (var permission : new String[] {
            "read_all_messages", "add_remove_members", "add_admins", "change_chat_info", "pin_message", "write"
        }) {
            permissions.add(permission);
        }
        post("/_emulator/chats/" + chat + "/admins", request);
    }

    String send(long chat, long user, String text) {
        return post(
                        "/_emulator/chats/" + chat + "/messages",
                        body().put("user_id", user).put("text", text))
                .path("mid")
                .asString();
    }

    void openDeepLink(long user, String link) {
        post("/_emulator/deep-links", body().put("user_id", user).put("link", link));
    }

    private static ObjectNode body() {
        return JSON.createObjectNode();
    }

    private JsonNode post(String path, ObjectNode body) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        "MAX emulator refused POST " + path + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
