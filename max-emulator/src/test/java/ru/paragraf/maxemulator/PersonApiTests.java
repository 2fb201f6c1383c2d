package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.BOT_NAME;
import static ru.paragraf.maxemulator.Fixtures.PUPIL;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's person API over HTTP ({@code /_emulator/...}): what people do in MAX, and the updates it gives the
 * bot ([SCH] 0.0.33 Update shapes; [GO] stabs/webhook.bot_added.json).
 */
class PersonApiTests {

    private MaxEmulator max;
    private MaxHttp http;

    @BeforeEach
    void start() {
        max = MaxEmulator.start(Fixtures.config().build());
        http = new MaxHttp(max.baseUrl());
    }

    @AfterEach
    void stop() {
        max.close();
    }

    /** A person joins MAX, creates a chat (its owner), adds the bot (→ bot_added) and makes it an admin. */
    @Test
    void aTeacherCreatesAChatAndAddsTheBot() {
        var teacher = http.post(null, "/_emulator/users", "{\"first_name\":\"Мария\",\"last_name\":\"Орлова\"}")
                .ok()
                .path("user_id")
                .asLong();
        var chat = http.post(null, "/_emulator/chats", "{\"owner_id\":" + teacher + ",\"title\":\"8В Физика\"}")
                .ok()
                .path("chat_id")
                .asLong();
        http.post(null, "/_emulator/chats/" + chat + "/bots", "{\"by_user_id\":" + teacher + ",\"bot_id\":" + BOT + "}")
                .ok();
        http.post(
                        null,
                        "/_emulator/chats/" + chat + "/admins",
                        "{\"by_user_id\":" + teacher + ",\"user_id\":" + BOT
                                + ",\"permissions\":[\"read_all_messages\",\"add_remove_members\"]}")
                .ok();

        var update = http.get(TOKEN, "/updates?timeout=0").ok().path("updates").get(0);
        assertThat(update.path("update_type").asString()).isEqualTo("bot_added");
        assertThat(update.path("chat_id").asLong()).isEqualTo(chat);
        assertThat(update.path("user").path("user_id").asLong()).isEqualTo(teacher);
        assertThat(update.path("user").path("first_name").asString()).isEqualTo("Мария");
        var view = http.get(null, "/_emulator/chats/" + chat).ok();
        assertThat(view.path("owner_id").asLong()).isEqualTo(teacher);
        assertThat(view.path("members").get(1).path("permissions").toString())
                .contains("read_all_messages", "add_remove_members");
        assertThat(http.get(TOKEN, "/chats/" + chat).ok().path("title").asString())
                .isEqualTo("8В Физика");
    }

    /** [SCH] bot_started {chat_id, user, payload}: a person opens https://max.ru/<botName>?start=<payload>. */
    @Test
    void aDeepLinkStartsTheBotWithThePayload() {
        var dialog = http.post(
                        null,
                        "/_emulator/deep-links",
                        "{\"user_id\":" + PUPIL + ",\"link\":\"https://max.ru/" + BOT_NAME + "?start=link-7f3a\"}")
                .ok()
                .path("chat_id")
                .asLong();

        var update = http.get(TOKEN, "/updates?timeout=0").ok().path("updates").get(0);

        assertThat(update.path("update_type").asString()).isEqualTo("bot_started");
        assertThat(update.path("payload").asString()).isEqualTo("link-7f3a");
        assertThat(update.path("chat_id").asLong()).isEqualTo(dialog);
        assertThat(update.path("user").path("user_id").asLong()).isEqualTo(PUPIL);
        var chat = http.get(TOKEN, "/chats/" + dialog).ok();
        assertThat(chat.path("type").asString()).isEqualTo("dialog");
        assertThat(chat.path("dialog_with_user").path("user_id").asLong()).isEqualTo(PUPIL);
        assertThat(max.openDeepLink(PUPIL, "https://max.ru/" + BOT_NAME + "?start=again"))
                .as("the same dialog")
                .isEqualTo(dialog);
    }

    /** [SCH]: a start payload is at most 128 characters. */
    @Test
    void refusesAnUnknownBotAndALongPayload() {
        var unknown = http.post(
                null, "/_emulator/deep-links", "{\"user_id\":" + PUPIL + ",\"link\":\"https://max.ru/nobody_bot\"}");
        var tooLong = "https://max.ru/" + BOT_NAME + "?start=" + "x".repeat(129);

        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().path("error").asString()).contains("nobody_bot");
        assertThatThrownBy(() -> max.openDeepLink(PUPIL, tooLong)).isInstanceOf(PersonActionException.class);
        assertThat(http.get(TOKEN, "/updates?timeout=0").ok().path("updates")).isEmpty();
    }

    @Test
    void peopleWriteAddAndLeave() {
        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        http.post(
                        null,
                        "/_emulator/chats/" + chat + "/members",
                        "{\"by_user_id\":" + TEACHER + ",\"user_id\":" + PUPIL + "}")
                .ok();
        var mid = http.post(
                        null,
                        "/_emulator/chats/" + chat + "/messages",
                        "{\"user_id\":" + PUPIL + ",\"text\":\"Я тут\"}")
                .ok()
                .path("mid")
                .asString();
        http.post(null, "/_emulator/chats/" + chat + "/leave", "{\"user_id\":" + PUPIL + "}")
                .ok();

        var updates = http.get(TOKEN, "/updates?timeout=0").ok();
        assertThat(UpdatesTests.types(updates))
                .containsExactly("bot_added", "user_added", "message_created", "user_removed");
        assertThat(updates.path("updates")
                        .get(2)
                        .path("message")
                        .path("body")
                        .path("mid")
                        .asString())
                .isEqualTo(mid);
        assertThat(updates.path("updates")
                        .get(2)
                        .path("message")
                        .path("sender")
                        .path("user_id")
                        .asLong())
                .isEqualTo(PUPIL);
        assertThat(max.chat(chat).memberIds()).containsExactly(TEACHER, BOT);
        assertThat(http.post(
                                null,
                                "/_emulator/chats/" + chat + "/messages",
                                "{\"user_id\":" + PUPIL + ",\"text\":\"x\"}")
                        .status())
                .as("a person who left cannot write")
                .isEqualTo(409);
    }

    @Test
    void onlyAdminsAppointAdmins() {
        var chat = Fixtures.chatWithBot(max);
        max.addMember(chat, TEACHER, PUPIL);

        var refused = http.post(
                null,
                "/_emulator/chats/" + chat + "/admins",
                "{\"by_user_id\":" + PUPIL + ",\"user_id\":" + BOT + ",\"permissions\":[\"read_all_messages\"]}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(max.chat(chat).member(BOT).orElseThrow().admin()).isFalse();
    }

    @Test
    void inspectionShowsStateAndStats() {
        var chat = Fixtures.chatWithBot(max);
        http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Урок\"}").ok();

        var state = http.get(null, "/_emulator/state").ok();
        var stats = http.get(null, "/_emulator/stats").ok();

        assertThat(state.path("bots").get(0).path("masked_token").asString())
                .doesNotContain(TOKEN)
                .endsWith(TOKEN.substring(TOKEN.length() - 4));
        assertThat(state.toString()).doesNotContain(TOKEN);
        assertThat(state.path("chats")
                        .get(0)
                        .path("messages")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("Урок");
        assertThat(stats.path("method_calls").path("POST /messages").asInt()).isEqualTo(1);
    }
}
