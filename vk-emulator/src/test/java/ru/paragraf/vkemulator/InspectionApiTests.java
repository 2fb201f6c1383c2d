package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectionApiTests {

    private VkEmulator emulator;
    private VkHttp http;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(new MutableClock()).build());
        http = new VkHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void showsChatsWithMembersAndMessagesButNoTokenValues() {
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", String.valueOf(TEACHER));
        http.ok("messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "1", "message", "Привет");

        var response = http.get("/_emulator/state");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(SCHOOL_TOKEN);
        var state = VkHttp.json(response);
        var chat = state.path("chats").get(0);
        assertThat(chat.path("title").asString()).isEqualTo("Алгебра 7А");
        assertThat(chat.path("owner_id").asLong()).isEqualTo(-SCHOOL);
        assertThat(chat.path("local_ids").path(String.valueOf(TEACHER)).asLong())
                .isEqualTo(1);
        assertThat(chat.path("members").get(0).path("is_owner").asBoolean()).isTrue();
        assertThat(chat.path("members").get(1).path("state").asString()).isEqualTo("in");
        assertThat(chat.path("messages").get(1).path("text").asString()).isEqualTo("Привет");
        assertThat(state.path("communities")
                        .get(0)
                        .path("tokens")
                        .get(0)
                        .path("token")
                        .asString())
                .isEqualTo("vk1.a.****…9f3c");
        assertThat(state.path("stats")
                        .path("method_calls")
                        .path("messages.send")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void addsACommunityAtRuntimeWithAGeneratedToken() {
        var body = "{\"id\": 228999001, \"name\": \"Новая школа\", \"tokens\": [{\"permissions\": [\"messages\"]}]}";

        var created = VkHttp.json(http.post("/_emulator/communities", "application/json", body));
        var token = created.path("tokens").get(0).path("value").asString();

        assertThat(token).startsWith("vk1.a.");
        assertThat(http.ok("groups.getById", token)
                        .path("groups")
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(228999001L);
    }

    @Test
    void addsUsersAndClientsAndIssuesUserTokens() {
        http.post(
                "/_emulator/users",
                "application/json",
                "{\"id\": 701, \"first_name\": \"Ива\", \"login\": \"iva\", \"password\": \"p\"}");

        var issued = VkHttp.json(http.post("/_emulator/tokens/user", "application/json", "{\"user_id\": 701}"));

        assertThat(http.ok("users.get", issued.path("access_token").asString())
                        .get(0)
                        .path("first_name")
                        .asString())
                .isEqualTo("Ива");
        var client = http.post(
                "/_emulator/clients",
                "application/json",
                "{\"client_id\": \"7\", \"redirect_uris\": [\"http://x/cb\"]}");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(emulator.snapshot().clients())
                .extracting(EmulatorSnapshot.Client::clientId)
                .contains("7");
    }

    @Test
    void revokesATokenOverHttp() {
        var response =
                http.post("/_emulator/tokens/revoke", "application/json", "{\"token\": \"" + SCHOOL_TOKEN + "\"}");

        assertThat(VkHttp.json(response).path("revoked").asBoolean()).isTrue();
        assertThat(http.errorCode("groups.getById", SCHOOL_TOKEN)).isEqualTo(5);
    }

    @Test
    void configuresAndClearsFaultsOverHttp() {
        var plan = "{\"seed\": 3, \"errors\": [{\"code\": 10, \"rate\": 1.0, \"method\": \"groups.getById\"}],"
                + " \"latency\": {\"type\": \"fixed\", \"ms\": 1}}";

        var put = http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/_emulator/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(plan)));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(http.errorCode("groups.getById", SCHOOL_TOKEN)).isEqualTo(10);
        http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/_emulator/faults"))
                .DELETE());
        assertThat(http.call("groups.getById", SCHOOL_TOKEN).has("response")).isTrue();
    }

    @Test
    void resetReturnsToTheSeed() {
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "x");
        emulator.revokeToken(SCHOOL_TOKEN);

        http.post("/_emulator/reset", "application/json", "");

        assertThat(emulator.chats()).isEmpty();
        assertThat(emulator.stats().methodCalls()).isEmpty();
        assertThat(http.call("groups.getById", SCHOOL_TOKEN).has("response")).isTrue();
    }

    @Test
    void deletesAChatAsIfVkHadLostIt() {
        var teacherToken = emulator.issueUserToken(TEACHER);
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", String.valueOf(TEACHER));
        var link = http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", "2000000001")
                .path("link")
                .asString();
        var id = emulator.chats().get(0).id();

        var deleted = http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/_emulator/chats/" + id))
                .DELETE());

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(VkHttp.json(deleted).path("deleted").asBoolean()).isTrue();
        assertThat(emulator.chats()).isEmpty();
        assertThat(http.ok("messages.getConversationsById", SCHOOL_TOKEN, "peer_ids", "2000000001")
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(http.errorCode(
                        "messages.send", SCHOOL_TOKEN, "peer_id", "2000000001", "random_id", "1", "message", "x"))
                .isEqualTo(917);
        assertThat(http.errorCode("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", "2000000001"))
                .isEqualTo(917);
        assertThat(http.ok("messages.getConversations", teacherToken)
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(http.errorCode("messages.joinChatByInviteLink", emulator.issueUserToken(PUPIL), "link", link))
                .isEqualTo(917);
        assertThat(http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Новый")
                        .path("chat_id")
                        .asLong())
                .as("the deleted chat's id is not given again")
                .isEqualTo(2);
        assertThat(emulator.deleteChat(id)).isFalse();
        assertThat(VkHttp.json(http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/_emulator/chats/x"))
                                .DELETE()))
                        .path("error")
                        .asString())
                .contains("a chat id is a number");
    }

    @Test
    void endsACallAsIfItsStarterHadEndedIt() {
        var teacherToken = emulator.issueUserToken(TEACHER);
        var callId = http.ok("calls.start", teacherToken).path("call_id").asString();

        var finished = http.post("/_emulator/calls/" + callId + "/finish", "application/json", "");

        assertThat(VkHttp.json(finished).path("finished").asBoolean()).isTrue();
        assertThat(emulator.calls()).singleElement().satisfies(call -> {
            assertThat(call.state()).isEqualTo("finished");
            assertThat(call.finishedBy()).isEqualTo(TEACHER);
        });
        assertThat(http.ok("calls.forceFinish", teacherToken, "call_id", callId).asInt())
                .as("finishing a finished call still answers 1")
                .isEqualTo(1);
        assertThat(emulator.finishCall("00000000-0000-0000-0000-000000000000")).isFalse();
        var other = http.ok("calls.start", teacherToken).path("call_id").asString();
        assertThat(emulator.finishCall(other)).isTrue();
        assertThat(emulator.calls()).allSatisfy(call -> assertThat(call.state()).isEqualTo("finished"));
    }

    @Test
    void answers400ForBadJsonAnd404ForUnknownEndpoints() {
        assertThat(http.post("/_emulator/communities", "application/json", "{not json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post(
                                "/_emulator/communities",
                                "application/json",
                                "{\"id\": 5, \"tokens\": [{\"permissions\": [\"root\"]}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/_emulator/nothing").statusCode()).isEqualTo(404);
        assertThat(http.get("/_emulator").body()).contains("not part of VK's protocol");
    }
}
