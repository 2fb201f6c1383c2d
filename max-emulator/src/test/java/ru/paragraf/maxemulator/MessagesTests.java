package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.BOT_NAME;
import static ru.paragraf.maxemulator.Fixtures.OTHER_TOKEN;
import static ru.paragraf.maxemulator.Fixtures.PARENT;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** [SCH] 0.0.33 {@code /messages}: NewMessageBody, Message, SimpleQueryResult. */
class MessagesTests {

    private static final String LESSON =
            """
            {"text":"**Урок 3** алгебра, 10:00","format":"markdown","notify":true,
             "attachments":[{"type":"inline_keyboard","payload":{"buttons":[[
               {"type":"link","text":"Подключиться","url":"https://example.org/lesson/42"},
               {"type":"callback","text":"Я на уроке","payload":"att:42"}]]}}]}
            """;

    private MaxEmulator max;
    private MaxHttp http;
    private long chat;

    @BeforeEach
    void start() {
        max = MaxEmulator.start(Fixtures.config().build());
        http = new MaxHttp(max.baseUrl());
        chat = Fixtures.chatWithBot(max);
    }

    @AfterEach
    void stop() {
        max.close();
    }

    /** [SCH] POST /messages?chat_id= → {"message": Message}, the id in body.mid ("mid.…", [GO] stabs). */
    @Test
    void sendsAMessageWithALinkButton() {
        var message = http.post(TOKEN, "/messages?chat_id=" + chat, LESSON).ok().path("message");

        var mid = message.path("body").path("mid").asString();
        assertThat(mid).startsWith("mid.");
        assertThat(message.path("sender").path("user_id").asLong()).isEqualTo(BOT);
        assertThat(message.path("recipient").path("chat_id").asLong()).isEqualTo(chat);
        assertThat(message.path("recipient").path("chat_type").asString()).isEqualTo("chat");
        assertThat(message.path("body").path("text").asString()).isEqualTo("**Урок 3** алгебра, 10:00");
        var stored = max.chat(chat).messages().get(0);
        assertThat(stored.mid()).isEqualTo(mid);
        assertThat(stored.buttons())
                .containsExactly(
                        new EmulatorSnapshot.Button("link", "Подключиться", "https://example.org/lesson/42", null),
                        new EmulatorSnapshot.Button("callback", "Я на уроке", null, "att:42"));
    }

    /** [SCH] NewMessageBody.text: at most 4000 characters. */
    @Test
    void textIsAtMost4000Characters() {
        var longest = "я".repeat(4000);

        http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"" + longest + "\"}")
                .ok();
        var tooLong = http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"" + longest + "я\"}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("message").asString()).contains("4000");
        assertThat(max.chat(chat).messages()).hasSize(1);
    }

    /** [SCH] button text 1–128, link url ≤ 2048, known button types. */
    @Test
    void refusesBadButtons() {
        var emptyText = "{\"text\":\"x\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":{\"buttons\":"
                + "[[{\"type\":\"link\",\"text\":\"\",\"url\":\"https://e.org\"}]]}}]}";
        var noUrl = "{\"text\":\"x\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":{\"buttons\":"
                + "[[{\"type\":\"link\",\"text\":\"Войти\"}]]}}]}";
        var chatButton = "{\"text\":\"x\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":{\"buttons\":"
                + "[[{\"type\":\"chat\",\"text\":\"Чат\",\"chat_title\":\"7А\"}]]}}]}";

        assertThat(http.post(TOKEN, "/messages?chat_id=" + chat, emptyText).status())
                .isEqualTo(400);
        assertThat(http.post(TOKEN, "/messages?chat_id=" + chat, noUrl).status())
                .isEqualTo(400);
        assertThat(http.post(TOKEN, "/messages?chat_id=" + chat, chatButton).status())
                .isEqualTo(400);
        assertThat(max.chat(chat).messages()).isEmpty();
    }

    /** [SCH] NewMessageBody has no client id: a repeated send posts twice (no idempotency). */
    @Test
    void aRepeatedSendPostsTwice() {
        var first = http.post(TOKEN, "/messages?chat_id=" + chat, LESSON).ok();
        var second = http.post(TOKEN, "/messages?chat_id=" + chat, LESSON).ok();

        assertThat(first.path("message").path("body").path("mid").asString())
                .isNotEqualTo(second.path("message").path("body").path("mid").asString());
        assertThat(max.chat(chat).messages()).hasSize(2);
    }

    /** [SCH] PUT /messages?message_id= and DELETE /messages?message_id= → SimpleQueryResult. */
    @Test
    void editsAndDeletesItsMessage() {
        var mid = mid(http.post(TOKEN, "/messages?chat_id=" + chat, LESSON).ok());

        var edited = http.put(TOKEN, "/messages?message_id=" + mid, "{\"text\":\"Урок перенесён\"}")
                .ok();
        assertThat(edited.path("success").asBoolean()).isTrue();
        assertThat(max.chat(chat).messages().get(0).text()).isEqualTo("Урок перенесён");
        assertThat(max.chat(chat).messages().get(0).edited()).isTrue();
        assertThat(max.chat(chat).messages().get(0).buttons()).isEmpty();
        assertThat(http.get(TOKEN, "/messages/" + mid)
                        .ok()
                        .path("body")
                        .path("text")
                        .asString())
                .isEqualTo("Урок перенесён");

        assertThat(http.delete(TOKEN, "/messages?message_id=" + mid)
                        .ok()
                        .path("success")
                        .asBoolean())
                .isTrue();
        assertThat(max.chat(chat).messages()).isEmpty();
        assertThat(http.get(TOKEN, "/messages/" + mid).status()).isEqualTo(404);
    }

    @Test
    void mayNotEditAPersonsMessage() {
        var mid = max.sendMessage(chat, TEACHER, "Здравствуйте");

        assertThat(http.put(TOKEN, "/messages?message_id=" + mid, "{\"text\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(http.get(OTHER_TOKEN, "/messages/" + mid).status()).isEqualTo(404);
    }

    /** [SCH] GET /messages?chat_id=&count=: newest first, count 1–100 (default 50); message_ids. */
    @Test
    void listsMessagesNewestFirst() {
        for (int i = 1; i <= 60; i++) {
            http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"n" + i + "\"}")
                    .ok();
        }

        var page = http.get(TOKEN, "/messages?chat_id=" + chat).ok().path("messages");
        var three =
                http.get(TOKEN, "/messages?chat_id=" + chat + "&count=3").ok().path("messages");

        assertThat(page).hasSize(50);
        assertThat(page.get(0).path("body").path("text").asString()).isEqualTo("n60");
        assertThat(three)
                .extracting(m -> m.path("body").path("text").asString())
                .containsExactly("n60", "n59", "n58");
        var mids = mid(three.get(2)) + "," + mid(three.get(0));
        var byIds = http.get(TOKEN, "/messages?message_ids=" + mids).ok().path("messages");
        assertThat(byIds).hasSize(2);
        assertThat(http.get(TOKEN, "/messages?chat_id=" + chat + "&count=101").status())
                .isEqualTo(400);
    }

    /** [SCH] POST /messages?user_id=: the dialog of a person who started the bot. */
    @Test
    void writesToAPersonWhoStartedTheBot() {
        assertThat(http.post(TOKEN, "/messages?user_id=" + PARENT, "{\"text\":\"Код принят\"}")
                        .status())
                .isEqualTo(403);
        var dialog = max.openDeepLink(PARENT, "https://max.ru/" + BOT_NAME + "?start=code-1");

        var message = http.post(TOKEN, "/messages?user_id=" + PARENT, "{\"text\":\"Код принят\"}")
                .ok()
                .path("message");

        assertThat(message.path("recipient").path("chat_id").asLong()).isEqualTo(dialog);
        assertThat(message.path("recipient").path("chat_type").asString()).isEqualTo("dialog");
        assertThat(message.path("recipient").path("user_id").asLong()).isEqualTo(PARENT);
        assertThat(max.chat(dialog).texts()).containsExactly("Код принят");
    }

    private static String mid(tools.jackson.databind.JsonNode answer) {
        var node = answer.has("message") ? answer.path("message") : answer;
        return node.path("body").path("mid").asString();
    }
}
