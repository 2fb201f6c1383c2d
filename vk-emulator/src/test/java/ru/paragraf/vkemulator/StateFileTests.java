package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.paragraf.vkemulator.Fixtures.OUTSIDER;
import static ru.paragraf.vkemulator.Fixtures.PHOTOS_ONLY_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.PUPIL_2;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;
import static ru.paragraf.vkemulator.Fixtures.TEACHER_LOGIN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER_PASSWORD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a state file the emulator remembers what VK would across a restart: the same file, a new process (here a new
 * instance), and every kind of object is back, through the real HTTP API.
 */
class StateFileTests {

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock();

    @Test
    void remembersEverythingVkWouldAcrossARestart() {
        Path file = directory.resolve("vk/state.json");
        EmulatorSnapshot before;
        String teacherToken;
        String refreshToken;
        String pupilToken;
        String resetLink;
        String firstLink;
        String activeCall;
        String sentAnswer;
        VkIdLogin teacher;
        try (var vk = start(file)) {
            var http = new VkHttp(vk);
            teacher = new VkIdLogin(http);
            var tokens = teacher.login(TEACHER_LOGIN, TEACHER_PASSWORD);
            teacherToken = tokens.path("access_token").asString();
            refreshToken = tokens.path("refresh_token").asString();
            pupilToken = vk.issueUserToken(PUPIL);
            var pupil2Token = vk.issueUserToken(PUPIL_2);

            http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", TEACHER + "," + PUPIL);
            http.ok("messages.editChat", SCHOOL_TOKEN, "chat_id", "1", "title", "Алгебра 7А (углублённая)");
            sentAnswer = http.call(
                            "messages.send",
                            SCHOOL_TOKEN,
                            "peer_ids",
                            "2000000001",
                            "random_id",
                            "77",
                            "message",
                            "Урок в 10:00")
                    .toString();
            var sent = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(sentAnswer)
                    .path("response")
                    .get(0)
                    .path("conversation_message_id")
                    .asString();
            http.ok("messages.pin", SCHOOL_TOKEN, "peer_id", "2000000001", "conversation_message_id", sent);
            firstLink = http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", "2000000001")
                    .path("link")
                    .asString();
            resetLink = http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", "2000000001", "reset", "1")
                    .path("link")
                    .asString();
            http.ok("messages.joinChatByInviteLink", pupil2Token, "link", resetLink);
            http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "member_id", String.valueOf(PUPIL));
            http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Удалённый чат");
            assertThat(vk.deleteChat(2)).isTrue();
            http.ok("messages.createChat", teacherToken, "title", "Чат учителя");

            activeCall = http.ok("calls.start", teacherToken, "group_id", String.valueOf(SCHOOL))
                    .path("call_id")
                    .asString();
            var finished = http.ok("calls.start", teacherToken).path("call_id").asString();
            http.ok("calls.forceFinish", teacherToken, "call_id", finished);
            vk.revokeToken(PHOTOS_ONLY_TOKEN);
            vk.revokeToken(pupilToken);
            before = vk.snapshot();
        }

        try (var vk = start(file)) {
            var http = new VkHttp(vk);
            var after = vk.snapshot();
            assertThat(after.chats())
                    .as("chats: ids, titles, members and states, messages, local ids, link")
                    .isEqualTo(before.chats());
            assertThat(after.chats().get(0).pinnedMessage())
                    .as("the pinned message")
                    .map(EmulatorSnapshot.Message::text)
                    .contains("Урок в 10:00");
            assertThat(after.calls()).isEqualTo(before.calls());
            assertThat(after.communities())
                    .as("tokens keep their ids and revocations")
                    .isEqualTo(before.communities());
            assertThat(after.users()).isEqualTo(before.users());
            assertThat(after.clients()).isEqualTo(before.clients());
            assertThat(after.stats().methodCalls())
                    .as("counters are per process")
                    .isEmpty();

            var chat = http.ok("messages.getConversationsById", SCHOOL_TOKEN, "peer_ids", "2000000001,2000000002");
            assertThat(chat.path("count").asInt())
                    .as("the deleted chat stays deleted")
                    .isEqualTo(1);
            assertThat(chat.path("items")
                            .get(0)
                            .path("chat_settings")
                            .path("title")
                            .asString())
                    .isEqualTo("Алгебра 7А (углублённая)");
            assertThat(http.call(
                                    "messages.send",
                                    SCHOOL_TOKEN,
                                    "peer_ids",
                                    "2000000001",
                                    "random_id",
                                    "77",
                                    "message",
                                    "Урок в 10:00")
                            .toString())
                    .as("a repeated random_id still returns the first answer")
                    .isEqualTo(sentAnswer);
            assertThat(vk.chats().get(0).textMessages()).hasSize(1);
            assertThat(http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Новый чат")
                            .path("chat_id")
                            .asLong())
                    .as("the community's next chat id: 2 was given to the deleted chat")
                    .isEqualTo(3);

            assertThat(http.errorCode("messages.joinChatByInviteLink", vk.issueUserToken(OUTSIDER), "link", firstLink))
                    .as("a reset link stays dead")
                    .isEqualTo(917);
            var outsider = vk.issueUserToken(OUTSIDER);
            assertThat(http.ok("messages.joinChatByInviteLink", outsider, "link", resetLink)
                            .path("chat_id")
                            .asLong())
                    .isEqualTo(1);
            assertThat(http.errorCode("messages.joinChatByInviteLink", pupilToken, "link", resetLink))
                    .as("a revoked token stays revoked")
                    .isEqualTo(5);
            assertThat(http.errorCode("groups.getTokenPermissions", PHOTOS_ONLY_TOKEN))
                    .isEqualTo(5);

            assertThat(http.ok("users.get", teacherToken).get(0).path("id").asLong())
                    .as("a user token issued by VK ID still works")
                    .isEqualTo(TEACHER);
            assertThat(http.ok("messages.getConversations", teacherToken)
                            .path("count")
                            .asInt())
                    .as("the teacher's own chat and the community's chat, in the teacher's numbering")
                    .isEqualTo(2);
            assertThat(http.ok("calls.forceFinish", teacherToken, "call_id", activeCall)
                            .asInt())
                    .isEqualTo(1);

            var refreshed = new VkIdLogin(http).refresh(refreshToken);
            assertThat(refreshed.path("error").asString())
                    .as("a refresh from another device is refused: the device id was kept")
                    .isEqualTo("invalid_grant");
            var again = teacher.against(http).refresh(refreshToken);
            assertThat(again.has("access_token")).as(again.toString()).isTrue();
            assertThat(http.ok("users.get", again.path("access_token").asString())
                            .get(0)
                            .path("id")
                            .asLong())
                    .isEqualTo(TEACHER);
        }
    }

    @Test
    void aSeedOnlyAddsWhatTheStateLacks() {
        Path file = directory.resolve("state.json");
        try (var vk = start(file)) {
            vk.revokeToken(SCHOOL_TOKEN);
        }
        var seed = Fixtures.seed();
        var renamed = new Seed.Community(
                SCHOOL,
                "Другое имя",
                "school101",
                List.of(Seed.Token.of(SCHOOL_TOKEN, CommunityPermission.MESSAGES)),
                null);
        var newer = Seed.Community.of(
                228000404L,
                "ГБОУ школа № 404",
                null,
                Seed.Token.of("vk1.a.test-new-community-token-404-0123456789abcdef"));
        var communities = new java.util.ArrayList<>(seed.communities());
        communities.set(0, renamed);
        communities.add(newer);
        var users = new java.util.ArrayList<>(seed.users());
        users.add(Seed.User.of(700000010L, "Новый", "Пользователь", "new@school.example", "new-password"));

        try (var vk = VkEmulator.start(Fixtures.config(clock)
                .seed(Seed.of(communities, users, seed.clients()))
                .stateFile(file)
                .build())) {
            var school = vk.snapshot().communities().stream()
                    .filter(c -> c.id() == SCHOOL)
                    .findFirst()
                    .orElseThrow();
            assertThat(school.name()).as("the file wins").isEqualTo("ГБОУ школа № 101");
            assertThat(school.tokens())
                    .hasSize(2)
                    .filteredOn(EmulatorSnapshot.TokenInfo::revoked)
                    .hasSize(1);
            assertThat(vk.snapshot().communities())
                    .extracting(EmulatorSnapshot.Community::id)
                    .contains(228000404L);
            assertThat(vk.snapshot().users())
                    .extracting(EmulatorSnapshot.User::id)
                    .contains(700000010L);
            assertThat(new VkHttp(vk).errorCode("groups.getById", SCHOOL_TOKEN)).isEqualTo(5);
        }
    }

    @Test
    void seedingAgainAtRuntimeKeepsChatsTokensAndRevocations() {
        Path file = directory.resolve("state.json");
        try (var vk = start(file)) {
            new VkHttp(vk)
                    .ok(
                            "messages.createChat",
                            SCHOOL_TOKEN,
                            "title",
                            "Алгебра 7А",
                            "user_ids",
                            String.valueOf(TEACHER));
            vk.revokeToken(PHOTOS_ONLY_TOKEN);
        }
        try (var vk = start(file)) {
            var before = vk.snapshot();

            vk.seed(Fixtures.seed());
            vk.addCommunity(Fixtures.seed().communities().get(0));
            Fixtures.seed().users().forEach(vk::addUser);

            var after = vk.snapshot();
            assertThat(after.communities()).isEqualTo(before.communities());
            assertThat(after.users()).isEqualTo(before.users());
            assertThat(after.chats()).isEqualTo(before.chats()).hasSize(1);
        }
    }

    @Test
    void startsFromTheLastCompleteSaveWhenAKilledSaveLeftATornTemporaryFile() throws Exception {
        Path file = directory.resolve("state.json");
        try (var vk = start(file)) {
            new VkHttp(vk).ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А");
        }
        var complete = Files.readString(file);
        Files.writeString(directory.resolve("state.json.tmp"), complete.substring(0, complete.length() / 2));

        try (var vk = start(file)) {
            assertThat(vk.chats()).extracting(EmulatorSnapshot.Chat::title).containsExactly("Алгебра 7А");
            assertThat(directory.resolve("state.json.tmp")).doesNotExist();
        }
    }

    @Test
    void refusesAFileOfAnUnknownFormatAndLeavesItAlone() throws Exception {
        Path file = directory.resolve("state.json");
        Files.writeString(file, "{\"format\": 2, \"chats\": []}");

        assertThatThrownBy(() -> start(file))
                .isInstanceOfSatisfying(StateFileException.class, e -> assertThat(e.problem())
                        .isEqualTo(StateFileException.Problem.UNKNOWN_FORMAT))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("format 2")
                .hasMessageContaining("reads format 1")
                .hasMessageContaining("To start afresh");
        assertThat(Files.readString(file)).isEqualTo("{\"format\": 2, \"chats\": []}");
    }

    @Test
    void refusesADamagedFileWithoutQuotingItsTokens() throws Exception {
        Path file = directory.resolve("state.json");
        try (var vk = start(file)) {
            vk.issueUserToken(TEACHER);
        }
        var content = Files.readString(file);
        int cut = content.indexOf(SCHOOL_TOKEN) + 12;
        Files.writeString(file, content.substring(0, cut));

        assertThatThrownBy(() -> start(file))
                .isInstanceOfSatisfying(StateFileException.class, e -> assertThat(e.problem())
                        .isEqualTo(StateFileException.Problem.UNREADABLE))
                .hasMessageContaining("is damaged")
                .hasMessageContaining("move it away or delete it")
                .hasMessageNotContaining(SCHOOL_TOKEN.substring(0, 12));
        assertThat(Files.readString(file)).as("never overwritten").isEqualTo(content.substring(0, cut));

        Files.writeString(file, "{\"format\": 1, \"communities\": \"none\"}");
        assertThatThrownBy(() -> start(file))
                .isInstanceOf(StateFileException.class)
                .hasMessageContaining("bad value at communities");
        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> start(file))
                .isInstanceOf(StateFileException.class)
                .hasMessageContaining("is not a VK emulator state file");
    }

    @Test
    void refusesAFileAnotherRunningEmulatorHolds() {
        Path file = directory.resolve("state.json");
        try (var first = start(file)) {
            assertThatThrownBy(() -> start(file))
                    .isInstanceOfSatisfying(StateFileException.class, e -> assertThat(e.problem())
                            .isEqualTo(StateFileException.Problem.IN_USE))
                    .hasMessageContaining("in use by another running emulator");
            assertThat(new VkHttp(first).ok("groups.getById", SCHOOL_TOKEN)).isNotNull();
        }
        start(file).close();
    }

    @Test
    void createsTheFileAtFirstStartReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("data/vk-emulator/state.json");
        try (var vk = start(file)) {
            assertThat(file).exists();
            assertThat(Files.readString(file)).startsWith("{\"format\":1,");
            new VkHttp(vk).ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А");
            assertThat(Files.readString(file)).as("saved before the answer").contains("Алгебра 7А");
        }
        Assumptions.assumeTrue(
                file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    private VkEmulator start(Path file) {
        return VkEmulator.start(Fixtures.config(clock).stateFile(file).build());
    }
}
