package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.OTHER_TOKEN;
import static ru.paragraf.maxemulator.Fixtures.PUPIL;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** [SCH] 0.0.33 {@code /chats/{chatId}}, {@code /pin}, {@code /members/me}, {@code /members/admins}. */
class ChatMethodsTests {

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

    /** [SCH] Chat; [GO] stabs/chats/get-chat-by-id.json: negative id, type chat, link https://max.ru/join/…. */
    @Test
    void getChatAnswersTheChatShapeWithOwnerOnlyForAdmins() {
        var chat = Fixtures.chatWithBot(max);

        var asMember = http.get(TOKEN, "/chats/" + chat).ok();

        assertThat(asMember.path("chat_id").asLong()).isEqualTo(chat).isNegative();
        assertThat(asMember.path("type").asString()).isEqualTo("chat");
        assertThat(asMember.path("status").asString()).isEqualTo("active");
        assertThat(asMember.path("title").asString()).isEqualTo("7А Алгебра");
        assertThat(asMember.path("participants_count").asInt()).isEqualTo(2);
        assertThat(asMember.path("is_public").asBoolean()).isFalse();
        assertThat(asMember.path("link").asString()).startsWith("https://max.ru/join/");
        assertThat(asMember.has("owner_id")).isFalse();

        max.makeAdmin(chat, TEACHER, BOT, List.of(ChatPermission.WRITE));
        var asAdmin = http.get(TOKEN, "/chats/" + chat).ok();
        assertThat(asAdmin.path("owner_id").asLong()).isEqualTo(TEACHER);
        assertThat(asAdmin.path("participants").has(Long.toString(TEACHER))).isTrue();
    }

    /** chat.not.found 404 (love-apples/maxapi#164); chat.denied 403 ([SCH]). */
    @Test
    void unknownChatIs404AndAChatTheBotIsNotInIs403() {
        var chat = Fixtures.chatWithBot(max);

        var unknown = http.get(TOKEN, "/chats/-70999999999999");
        var notIn = http.get(OTHER_TOKEN, "/chats/" + chat);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("chat.not.found");
        assertThat(notIn.status()).isEqualTo(403);
        assertThat(notIn.json().path("code").asString()).isEqualTo("chat.denied");
    }

    /** [SCH] PATCH /chats/{chatId}: 403 chat.denied without change_chat_info. */
    @Test
    void patchNeedsChangeChatInfo() {
        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        var body = "{\"title\":\"7А Алгебра 2025/26\",\"description\":\"Чат предмета\"}";

        var refused = http.patch(TOKEN, "/chats/" + chat, body);
        max.makeAdmin(chat, TEACHER, BOT, List.of(ChatPermission.CHANGE_CHAT_INFO));
        var patched = http.patch(TOKEN, "/chats/" + chat, body).ok();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("chat.denied");
        assertThat(patched.path("title").asString()).isEqualTo("7А Алгебра 2025/26");
        assertThat(max.chat(chat).title()).isEqualTo("7А Алгебра 2025/26");
        assertThat(max.chat(chat).description()).isEqualTo("Чат предмета");
    }

    /** [SCH] GET/PUT/DELETE /chats/{chatId}/pin; PUT body {"message_id","notify"}; needs pin_message. */
    @Test
    void pinsAndUnpinsAMessage() {
        var chat = Fixtures.chatWithBot(max, ChatPermission.PIN_MESSAGE);
        var mid = http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Расписание\"}")
                .ok()
                .path("message")
                .path("body")
                .path("mid")
                .asString();

        http.put(TOKEN, "/chats/" + chat + "/pin", "{\"message_id\":\"" + mid + "\",\"notify\":false}")
                .ok();
        var pinned = http.get(TOKEN, "/chats/" + chat + "/pin").ok();
        assertThat(pinned.path("message").path("body").path("mid").asString()).isEqualTo(mid);
        assertThat(max.chat(chat).pinnedMid()).isEqualTo(mid);

        assertThat(http.delete(TOKEN, "/chats/" + chat + "/pin")
                        .ok()
                        .path("success")
                        .asBoolean())
                .isTrue();
        assertThat(max.chat(chat).pinnedMid()).isNull();
        assertThat(http.get(TOKEN, "/chats/" + chat + "/pin")
                        .ok()
                        .path("message")
                        .isNull())
                .isTrue();
    }

    /** [SCH] GET /chats/{chatId}/members/me returns ChatMember; DELETE leaves the chat. */
    @Test
    void botSeesItsMembershipAndLeaves() {
        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES, ChatPermission.ADD_REMOVE_MEMBERS);

        var me = http.get(TOKEN, "/chats/" + chat + "/members/me").ok();
        assertThat(me.path("user_id").asLong()).isEqualTo(BOT);
        assertThat(me.path("is_admin").asBoolean()).isTrue();
        assertThat(me.path("is_owner").asBoolean()).isFalse();
        assertThat(me.path("permissions").toString()).contains("read_all_messages", "add_remove_members");

        assertThat(http.delete(TOKEN, "/chats/" + chat + "/members/me")
                        .ok()
                        .path("success")
                        .asBoolean())
                .isTrue();
        assertThat(max.chat(chat).memberIds()).containsExactly(TEACHER);
        assertThat(http.get(TOKEN, "/chats/" + chat).status()).isEqualTo(403);
    }

    /** [SCH] /members/admins: list (the bot must be an admin), set with ChatAdminsList (add_admins), revoke. */
    @Test
    void managesAdmins() {
        var chat = Fixtures.chatWithBot(max);
        max.addMember(chat, TEACHER, PUPIL);
        assertThat(http.get(TOKEN, "/chats/" + chat + "/members/admins").status())
                .isEqualTo(403);
        max.makeAdmin(chat, TEACHER, BOT, List.of(ChatPermission.ADD_ADMINS));

        http.post(
                        TOKEN,
                        "/chats/" + chat + "/members/admins",
                        "{\"admins\":[{\"user_id\":" + PUPIL
                                + ",\"permissions\":[\"write\",\"pin_message\"],\"alias\":\"Староста\"}]}")
                .ok();
        var admins = http.get(TOKEN, "/chats/" + chat + "/members/admins").ok().path("members");
        assertThat(admins).extracting(a -> a.path("user_id").asLong()).containsExactly(TEACHER, BOT, PUPIL);
        assertThat(max.chat(chat).member(PUPIL).orElseThrow().permissions()).containsExactly("write", "pin_message");

        http.delete(TOKEN, "/chats/" + chat + "/members/admins/" + PUPIL).ok();
        assertThat(max.chat(chat).member(PUPIL).orElseThrow().admin()).isFalse();
        assertThat(http.delete(TOKEN, "/chats/" + chat + "/members/admins/" + TEACHER)
                        .status())
                .isEqualTo(403);
    }
}
