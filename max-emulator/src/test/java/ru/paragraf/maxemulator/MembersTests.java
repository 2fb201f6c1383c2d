package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.PARENT;
import static ru.paragraf.maxemulator.Fixtures.PRIVATE_PUPIL;
import static ru.paragraf.maxemulator.Fixtures.PUPIL;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import java.util.ArrayList;
import java.util.StringJoiner;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** [SCH] 0.0.33 {@code GET/POST/DELETE /chats/{chatId}/members}. */
class MembersTests {

    private MaxEmulator max;
    private MaxHttp http;
    private long chat;

    @BeforeEach
    void start() {
        max = MaxEmulator.start(Fixtures.config().build());
        http = new MaxHttp(max.baseUrl());
        chat = Fixtures.chatWithBot(max, ChatPermission.ADD_REMOVE_MEMBERS);
    }

    @AfterEach
    void stop() {
        max.close();
    }

    /** [SCH] POST /chats/{chatId}/members: failed_user_ids and failed_user_details with add.participant.privacy/not.found. */
    @Test
    void addingReportsPrivacyRefusalsAndUnknownUsersPerUser() {
        var answer = http.post(
                        TOKEN,
                        "/chats/" + chat + "/members",
                        "{\"user_ids\":[" + PUPIL + "," + PRIVATE_PUPIL + ",123," + PARENT + "]}")
                .ok();

        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("failed_user_ids")).extracting(n -> n.asLong()).containsExactly(PRIVATE_PUPIL, 123L);
        var details = answer.path("failed_user_details");
        assertThat(details).hasSize(2);
        assertThat(details.get(0).path("error_code").asString()).isEqualTo("add.participant.not.found");
        assertThat(details.get(0).path("user_ids").get(0).asLong()).isEqualTo(123L);
        assertThat(details.get(1).path("error_code").asString()).isEqualTo("add.participant.privacy");
        assertThat(details.get(1).path("user_ids").get(0).asLong()).isEqualTo(PRIVATE_PUPIL);
        assertThat(max.chat(chat).memberIds()).containsExactly(TEACHER, BOT, PUPIL, PARENT);
    }

    @Test
    void privacyIsAPerUserSwitch() {
        max.setRefusesBots(PRIVATE_PUPIL, false);

        var answer = http.post(TOKEN, "/chats/" + chat + "/members", "{\"user_ids\":[" + PRIVATE_PUPIL + "]}")
                .ok();

        assertThat(answer.has("failed_user_ids")).isFalse();
        assertThat(max.chat(chat).memberIds()).contains(PRIVATE_PUPIL);
    }

    /** [SCH] POST /chats/{chatId}/members: at most 100 user_ids. */
    @Test
    void atMostOneHundredIdsAtOnce() {
        var ids = new StringJoiner(",", "{\"user_ids\":[", "]}");
        LongStream.rangeClosed(1, 101).forEach(id -> ids.add(Long.toString(400_000_000L + id)));

        var answer = http.post(TOKEN, "/chats/" + chat + "/members", ids.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asString()).isNotEmpty();
        assertThat(max.chat(chat).memberIds()).hasSize(2);
    }

    /** [SCH] ChatAdminPermission add_remove_members: without it adding is 403 chat.denied. */
    @Test
    void addingNeedsAddRemoveMembers() {
        var plain = max.createChat(TEACHER, "5Б");
        max.addBotToChat(plain, TEACHER, BOT);

        var answer = http.post(TOKEN, "/chats/" + plain + "/members", "{\"user_ids\":[" + PUPIL + "]}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("code").asString()).isEqualTo("chat.denied");
    }

    /** [SCH] DELETE /chats/{chatId}/members?user_id=&block=. */
    @Test
    void removesAndBlocksAMember() {
        max.addMember(chat, TEACHER, PUPIL);
        max.addMember(chat, TEACHER, PARENT);

        http.delete(TOKEN, "/chats/" + chat + "/members?user_id=" + PUPIL).ok();
        http.delete(TOKEN, "/chats/" + chat + "/members?user_id=" + PARENT + "&block=true")
                .ok();

        assertThat(max.chat(chat).memberIds()).containsExactly(TEACHER, BOT);
        assertThat(max.chat(chat).blocked()).containsExactly(PARENT);
        assertThat(http.delete(TOKEN, "/chats/" + chat + "/members?user_id=" + PUPIL)
                        .status())
                .isEqualTo(404);
        assertThat(http.delete(TOKEN, "/chats/" + chat + "/members?user_id=" + TEACHER)
                        .status())
                .isEqualTo(403);
    }

    /** [SCH] GET /chats/{chatId}/members: count 1–100 (default 20), marker paging, user_ids. */
    @Test
    void listsMembersInPagesByMarker() {
        for (int i = 0; i < 25; i++) {
            max.addMember(chat, TEACHER, max.addUser("Ученик " + i, null, false));
        }

        var first = http.get(TOKEN, "/chats/" + chat + "/members").ok();
        var seen = new ArrayList<Long>();
        first.path("members").forEach(m -> seen.add(m.path("user_id").asLong()));
        assertThat(seen).hasSize(20);
        var second = http.get(
                        TOKEN,
                        "/chats/" + chat + "/members?count=100&marker="
                                + first.path("marker").asLong())
                .ok();
        second.path("members").forEach(m -> seen.add(m.path("user_id").asLong()));

        assertThat(second.path("marker").isNull()).isTrue();
        assertThat(seen)
                .hasSize(27)
                .doesNotHaveDuplicates()
                .containsAll(max.chat(chat).memberIds());
        assertThat(http.get(TOKEN, "/chats/" + chat + "/members?count=101").status())
                .isEqualTo(400);
        assertThat(http.get(TOKEN, "/chats/" + chat + "/members?count=0").status())
                .isEqualTo(400);
        var some = http.get(TOKEN, "/chats/" + chat + "/members?user_ids=" + TEACHER + "," + BOT)
                .ok()
                .path("members");
        assertThat(some).extracting(m -> m.path("user_id").asLong()).containsExactly(TEACHER, BOT);
        assertThat(some.get(0).path("is_owner").asBoolean()).isTrue();
    }
}
