package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static ru.paragraf.vkemulator.Fixtures.ORG_SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.PUPIL_2;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * What tests make VK users do on their own through the inspection API (a stranger joins by a forwarded link, a
 * user leaves), and each chat's membership history, which the state file keeps.
 */
class MembershipControlTests {

    private static final long NEW_TEACHER = 700000004L;

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock();
    private VkEmulator emulator;
    private VkHttp http;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(clock).build());
        emulator.addUser(Seed.User.of(NEW_TEACHER, "Мария", "Кузнецова", "maria@school.example", "p"));
        http = new VkHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aStrangerWithAFreshAccountJoinsByAForwardedLink() {
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", String.valueOf(PUPIL));
        var link = link(false);

        var account = VkHttp.json(http.post(
                "/_emulator/accounts", "application/json", "{\"first_name\":\"Посторонний\",\"last_name\":\"Гость\"}"));
        long stranger = account.path("user_id").asLong();
        var joined = http.post(
                "/_emulator/chats/join",
                "application/json",
                "{\"user_id\":" + stranger + ",\"link\":\"" + link + "\"}");

        assertThat(stranger).isGreaterThan(EmulatorState.TEST_ACCOUNT_IDS);
        assertThat(account.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(VkHttp.json(joined).path("chat_id").asLong()).isEqualTo(1);
        assertThat(VkHttp.json(joined).path("id").asLong())
                .isEqualTo(emulator.chats().get(0).id());
        var members =
                http.ok("messages.getConversationMembers", SCHOOL_TOKEN, "peer_id", "2000000001", "extended", "1");
        assertThat(members.path("items").get(2).path("member_id").asLong()).isEqualTo(stranger);
        assertThat(members.path("items").get(2).path("invited_by").asLong()).isEqualTo(stranger);
        assertThat(members.path("profiles").get(1).path("last_name").asString()).isEqualTo("Гость");
        var strangerToken = account.path("access_token").asString();
        assertThat(http.ok("messages.getConversations", strangerToken)
                        .path("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(http.get("/_emulator/state").body()).doesNotContain(strangerToken);
    }

    @Test
    void aSecondAccountGetsTheNextIdAndNamesHavePlaceholders() {
        var first = emulator.addAccount(null, null);
        var second = emulator.addAccount("Иван", "Петров");

        assertThat(second.userId()).isEqualTo(first.userId() + 1);
        assertThat(http.ok("users.get", first.accessToken())
                        .get(0)
                        .path("first_name")
                        .asString())
                .isEqualTo("Пользователь");
        assertThat(http.ok("users.get", second.accessToken())
                        .get(0)
                        .path("last_name")
                        .asString())
                .isEqualTo("Петров");
    }

    @Test
    void aJoinByARevokedLinkIsRefusedWithVksError() {
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А");
        var forwarded = link(false);
        link(true);

        var refused = http.post(
                "/_emulator/chats/join",
                "application/json",
                "{\"user_id\":" + PUPIL + ",\"link\":\"" + forwarded + "\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(VkHttp.json(refused).path("error_code").asInt()).isEqualTo(917);
        assertThat(VkHttp.json(refused).path("error").asString()).isEqualTo("You don't have access to this chat");
        assertThat(emulator.joinByLink(PUPIL, forwarded).errorCode()).isEqualTo(917);
        assertThat(emulator.chats().get(0).activeMembers()).hasSize(1);
        assertThat(http.post("/_emulator/chats/join", "application/json", "{\"user_id\":424242,\"link\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void joiningObeysAnOrganizationOnlyCommunity() {
        http.ok("messages.createChat", ORG_SCHOOL_TOKEN, "title", "Химия 9В");
        var link = http.ok("messages.getInviteLink", ORG_SCHOOL_TOKEN, "peer_id", "2000000001")
                .path("link")
                .asString();

        var stranger = emulator.addAccount("Посторонний", "Гость");

        assertThat(emulator.joinByLink(stranger.userId(), link).errorCode()).isEqualTo(1019);
        assertThat(emulator.joinByLink(PUPIL, link).done()).isTrue();
    }

    @Test
    void aUserLeavesAChatOnTheirOwn() {
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", PUPIL + "," + PUPIL_2);
        long id = emulator.chats().get(0).id();

        var left = http.post("/_emulator/chats/" + id + "/leave", "application/json", "{\"user_id\":" + PUPIL + "}");
        var again = http.post("/_emulator/chats/" + id + "/leave", "application/json", "{\"user_id\":" + PUPIL + "}");

        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(VkHttp.json(left).path("chat_id").asLong()).isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(VkHttp.json(again).path("error_code").asInt())
                .as("VK's answer to a user who left: you left this chat")
                .isEqualTo(922);
        assertThat(emulator.chats().get(0).members())
                .extracting(EmulatorSnapshot.Member::memberId, EmulatorSnapshot.Member::state)
                .contains(tuple(PUPIL, "left"), tuple(PUPIL_2, "in"));
        assertThat(emulator.leaveChat(id, PUPIL_2).done()).isTrue();
        assertThat(emulator.leaveChat(id + 100, PUPIL_2).errorCode()).isEqualTo(927);
        assertThat(emulator.leaveChat(id, TEACHER).errorCode()).isEqualTo(917);
        assertThatThrownBy(() -> emulator.leaveChat(id, 424242)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHistoryShowsTheNewTeacherInBeforeTheOldOneWasRemoved() {
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", TEACHER + "," + PUPIL);
        var newTeacher = emulator.issueUserToken(NEW_TEACHER);
        http.ok("messages.joinChatByInviteLink", newTeacher, "link", link(false));
        http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "member_id", String.valueOf(TEACHER));
        link(true);
        emulator.leaveChat(emulator.chats().get(0).id(), PUPIL);
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Геометрия 7А");

        var chat = emulator.chats().get(0);
        var history = VkHttp.json(http.get("/_emulator/chats/" + chat.id() + "/history"));

        assertThat(chat.history())
                .extracting(
                        EmulatorSnapshot.MembershipChange::seq,
                        EmulatorSnapshot.MembershipChange::change,
                        EmulatorSnapshot.MembershipChange::memberId,
                        EmulatorSnapshot.MembershipChange::actorId)
                .containsExactly(
                        tuple(1L, "created", -SCHOOL, -SCHOOL),
                        tuple(2L, "added", TEACHER, -SCHOOL),
                        tuple(3L, "added", PUPIL, -SCHOOL),
                        tuple(4L, "joined", NEW_TEACHER, NEW_TEACHER),
                        tuple(5L, "removed", TEACHER, -SCHOOL),
                        tuple(6L, "left", PUPIL, PUPIL));
        assertThat(emulator.chats().get(1).history().get(0).seq()).isEqualTo(7);
        for (var change : chat.history().subList(1, 6)) {
            assertThat(chat.membersAfter(change.seq()))
                    .as("a teacher is in after change %d", change.seq())
                    .containsAnyOf(TEACHER, NEW_TEACHER);
        }
        assertThat(chat.membersAfter(4)).containsExactly(-SCHOOL, TEACHER, PUPIL, NEW_TEACHER);
        assertThat(chat.membersAfter(6)).containsExactly(-SCHOOL, NEW_TEACHER);
        assertThat(history.path("id").asLong()).isEqualTo(chat.id());
        assertThat(history.path("history").get(4).path("change").asString()).isEqualTo("removed");
        assertThat(history.path("history").get(4).path("member_id").asLong()).isEqualTo(TEACHER);
        assertThat(history.path("history").get(4).path("actor_id").asLong()).isEqualTo(-SCHOOL);
        assertThat(http.get("/_emulator/chats/99/history").statusCode()).isEqualTo(404);
    }

    @Test
    void theHistoryAndItsSequenceSurviveARestart() {
        emulator.close();
        var file = directory.resolve("state.json");
        long chatId;
        try (var vk = withStateFile(file)) {
            var api = new VkHttp(vk);
            api.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", String.valueOf(PUPIL));
            vk.leaveChat(vk.chats().get(0).id(), PUPIL);
            chatId = vk.chats().get(0).id();
        }
        try (var vk = withStateFile(file)) {
            var link = new VkHttp(vk)
                    .ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", "2000000001")
                    .path("link")
                    .asString();
            vk.joinByLink(PUPIL, link);

            assertThat(vk.snapshot().chat(chatId).history())
                    .extracting(EmulatorSnapshot.MembershipChange::seq, EmulatorSnapshot.MembershipChange::change)
                    .containsExactly(tuple(1L, "created"), tuple(2L, "added"), tuple(3L, "left"), tuple(4L, "joined"));
        }
        emulator = VkEmulator.start(Fixtures.config(clock).build());
    }

    @Test
    void aStateFileWrittenBeforeHistoriesLoadsWithEmptyOnes() throws Exception {
        emulator.close();
        var file = directory.resolve("state.json");
        try (var vk = withStateFile(file)) {
            new VkHttp(vk)
                    .ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", String.valueOf(PUPIL));
        }
        var saved = (ObjectNode) Json.MAPPER.readTree(Files.readString(file));
        var chats = (ObjectNode) saved.path("chats");
        chats.remove("last_membership_change");
        chats.path("items").forEach(chat -> ((ObjectNode) chat).remove("history"));
        Files.writeString(file, Json.MAPPER.writeValueAsString(saved));

        try (var vk = withStateFile(file)) {
            assertThat(vk.chats().get(0).history()).isEmpty();
            assertThat(vk.chats().get(0).activeMembers()).hasSize(2);
            vk.leaveChat(vk.chats().get(0).id(), PUPIL);
            assertThat(vk.chats().get(0).history())
                    .extracting(EmulatorSnapshot.MembershipChange::seq, EmulatorSnapshot.MembershipChange::change)
                    .containsExactly(tuple(1L, "left"));
        }
        emulator = VkEmulator.start(Fixtures.config(clock).build());
    }

    private VkEmulator withStateFile(Path file) {
        return VkEmulator.start(Fixtures.config(clock).stateFile(file).build());
    }

    private String link(boolean reset) {
        return http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", "2000000001", "reset", reset ? "1" : "0")
                .path("link")
                .asString();
    }
}
