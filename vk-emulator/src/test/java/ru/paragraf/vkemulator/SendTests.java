package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.OTHER_SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SendTests {

    private VkEmulator emulator;
    private VkHttp http;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(new MutableClock()).build());
        http = new VkHttp(emulator);
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", String.valueOf(TEACHER));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void requiresRandomId() {
        var error = http.call("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "message", "Урок в 9:00")
                .path("error");

        assertThat(error.path("error_code").asInt()).isEqualTo(100);
        assertThat(error.path("error_msg").asString()).contains("random_id");
        assertThat(emulator.chats().get(0).textMessages()).isEmpty();
    }

    @Test
    void communityInChatGetsMessageIdZeroAndPeerIdsFormGetsConversationMessageId() {
        var single =
                http.ok("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "11", "message", "Первое");
        var multi = http.ok(
                "messages.send", SCHOOL_TOKEN, "peer_ids", "2000000001", "random_id", "12", "message", "Второе");

        assertThat(single.asLong()).isZero();
        assertThat(multi.isArray()).isTrue();
        var result = multi.get(0);
        assertThat(result.path("peer_id").asLong()).isEqualTo(2_000_000_001L);
        assertThat(result.path("message_id").asLong()).isZero();
        assertThat(result.path("conversation_message_id").asLong()).isEqualTo(3); // 1 is "chat created"
        assertThat(emulator.chats().get(0).textMessages())
                .extracting(EmulatorSnapshot.Message::text)
                .containsExactly("Первое", "Второе");
    }

    @Test
    void sameSenderAndRandomIdAnswersTheOriginalAndStoresOneMessage() {
        var first =
                http.ok("messages.send", SCHOOL_TOKEN, "peer_ids", "2000000001", "random_id", "777", "message", "Раз");
        var repeat =
                http.ok("messages.send", SCHOOL_TOKEN, "peer_ids", "2000000001", "random_id", "777", "message", "Раз");

        assertThat(repeat).isEqualTo(first);
        assertThat(emulator.chats().get(0).textMessages()).hasSize(1);
        assertThat(emulator.chats().get(0).textMessages().get(0).randomId()).isEqualTo(777);
    }

    @Test
    void concurrentRepeatsOfOneRandomIdStoreOneMessage() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<JsonNode>>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> http.ok(
                        "messages.send",
                        SCHOOL_TOKEN,
                        "peer_ids",
                        "2000000001",
                        "random_id",
                        "31337",
                        "message",
                        "Раз")));
            }
            var distinct = new HashSet<JsonNode>();
            for (var answer : answers) {
                distinct.add(answer.get());
            }

            assertThat(distinct).hasSize(1);
            assertThat(emulator.chats().get(0).textMessages()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void randomIdIsScopedToTheSender() {
        var teacherToken = emulator.issueUserToken(TEACHER);

        var byCommunity =
                http.ok("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "5", "message", "a");
        var byTeacher =
                http.ok("messages.send", teacherToken, "peer_id", "2000000001", "random_id", "5", "message", "b");

        assertThat(byCommunity.asLong()).isZero();
        assertThat(byTeacher.asLong()).isPositive();
        assertThat(emulator.chats().get(0).textMessages()).hasSize(2);
    }

    @Test
    void randomIdZeroDisablesDedupe() {
        http.ok("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "0", "message", "a");
        http.ok("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "0", "message", "a");

        assertThat(emulator.chats().get(0).textMessages()).hasSize(2);
    }

    @Test
    void refusesChatsTheSenderIsNotIn() {
        assertThat(http.errorCode(
                        "messages.send", OTHER_SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "1", "message", "x"))
                .isEqualTo(917);
        assertThat(http.errorCode(
                        "messages.send",
                        emulator.issueUserToken(PUPIL),
                        "peer_id",
                        "2000000001",
                        "random_id",
                        "1",
                        "message",
                        "x"))
                .isEqualTo(917);
    }

    @Test
    void peerIdsFormReportsPerPeerErrors() {
        var response = http.ok(
                "messages.send", SCHOOL_TOKEN, "peer_ids", "2000000001,2000000009", "random_id", "9", "message", "x");

        assertThat(response.get(0).has("error")).isFalse();
        assertThat(response.get(1).path("error").path("code").asInt()).isEqualTo(917);
    }

    @Test
    void refusesEmptyMessages() {
        assertThat(http.errorCode("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "1"))
                .isEqualTo(100);
    }

    @Test
    void lastMessageAppearsInConversations() {
        http.ok("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "3", "message", "Ссылка на урок");

        var item =
                http.ok("messages.getConversations", SCHOOL_TOKEN).path("items").get(0);

        assertThat(item.path("last_message").path("text").asString()).isEqualTo("Ссылка на урок");
        assertThat(item.path("last_message").path("from_id").asLong()).isEqualTo(-SCHOOL);
        assertThat(item.path("conversation")
                        .path("last_conversation_message_id")
                        .asLong())
                .isEqualTo(2);
    }
}
