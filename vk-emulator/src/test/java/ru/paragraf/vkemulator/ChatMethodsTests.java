package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.ORG_SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.OTHER_SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.OUTSIDER;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.PUPIL_2;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatMethodsTests {

    private VkEmulator emulator;
    private VkHttp http;
    private String teacherToken;
    private String pupilToken;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(new MutableClock()).build());
        http = new VkHttp(emulator);
        teacherToken = emulator.issueUserToken(TEACHER);
        pupilToken = emulator.issueUserToken(PUPIL);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void createChatAnswersLocalChatIdAndAddedPeers() {
        var response = http.ok(
                "messages.createChat",
                SCHOOL_TOKEN,
                "group_id",
                String.valueOf(SCHOOL),
                "user_ids",
                TEACHER + ",123456",
                "title",
                "Алгебра 7А");

        assertThat(response.path("chat_id").asLong()).isEqualTo(1);
        assertThat(longs(response.path("peer_ids"))).containsExactly(TEACHER);
        var chat = emulator.chats().get(0);
        assertThat(chat.ownerId()).isEqualTo(-SCHOOL);
        assertThat(chat.title()).isEqualTo("Алгебра 7А");
        assertThat(chat.activeMembers())
                .extracting(EmulatorSnapshot.Member::memberId)
                .containsExactly(-SCHOOL, TEACHER);
        assertThat(chat.members().get(0).isOwner()).isTrue();
    }

    @Test
    void createChatRefusesAnotherCommunitysGroupId() {
        assertThat(http.errorCode("messages.createChat", SCHOOL_TOKEN, "group_id", "1", "title", "x"))
                .isEqualTo(15);
    }

    @Test
    void numbersChatsPerOwner() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А");
        createChat(SCHOOL_TOKEN, "Геометрия 7А", TEACHER);
        var other = createChat(OTHER_SCHOOL_TOKEN, "Физика 8Б");

        assertThat(other).isEqualTo(1);
        var teacherChats = http.ok("messages.getConversations", teacherToken).path("items");
        assertThat(teacherChats.size()).isEqualTo(1);
        var peer = teacherChats.get(0).path("conversation").path("peer");
        assertThat(peer.path("id").asLong()).isEqualTo(2_000_000_001L);
        assertThat(peer.path("local_id").asLong()).isEqualTo(1);
        assertThat(peer.path("type").asString()).isEqualTo("chat");
        assertThat(teacherChats
                        .get(0)
                        .path("conversation")
                        .path("chat_settings")
                        .path("title")
                        .asString())
                .isEqualTo("Геометрия 7А");

        var link = inviteLink(2_000_000_001L);
        assertThat(http.ok("messages.joinChatByInviteLink", teacherToken, "link", link)
                        .path("chat_id")
                        .asLong())
                .isEqualTo(2);
        var geometry = emulator.chats().get(1);
        assertThat(geometry.localIds()).containsEntry(-SCHOOL, 2L).containsEntry(TEACHER, 1L);
    }

    @Test
    void editChatRenamesForAdminOnly() {
        createChat(SCHOOL_TOKEN, "Алгебра", TEACHER);

        assertThat(http.ok("messages.editChat", SCHOOL_TOKEN, "chat_id", "1", "title", "Алгебра 7А")
                        .asInt())
                .isEqualTo(1);
        assertThat(emulator.chats().get(0).title()).isEqualTo("Алгебра 7А");
        assertThat(http.errorCode("messages.editChat", teacherToken, "chat_id", "1", "title", "x"))
                .isEqualTo(925);
        assertThat(http.errorCode("messages.editChat", SCHOOL_TOKEN, "chat_id", "77", "title", "x"))
                .isEqualTo(927);
        assertThat(http.errorCode("messages.editChat", SCHOOL_TOKEN, "chat_id", "1"))
                .isEqualTo(100);
    }

    /**
     * messages.pin is not in docs/reference/vk-protocol.md: UNCONFIRMED. The answer follows vk-io's
     * MessagesPinnedMessage; admin-only pinning (925) is the emulator's choice, as for editChat.
     */
    @Test
    void pinPinsAMessageOfTheChatForAdminOnlyAndOnce() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А", TEACHER);
        var sent = http.ok(
                        "messages.send", SCHOOL_TOKEN, "peer_ids", "2000000001", "random_id", "9", "message", "Итоги")
                .get(0)
                .path("conversation_message_id")
                .asString();

        var pinned = http.ok("messages.pin", SCHOOL_TOKEN, "peer_id", "2000000001", "conversation_message_id", sent);
        http.ok("messages.pin", SCHOOL_TOKEN, "peer_id", "2000000001", "conversation_message_id", sent);

        assertThat(pinned.path("text").asString()).isEqualTo("Итоги");
        assertThat(pinned.path("conversation_message_id").asString()).isEqualTo(sent);
        assertThat(pinned.path("peer_id").asLong()).isEqualTo(2_000_000_001L);
        var chat = emulator.chats().get(0);
        assertThat(chat.pinnedMessage()).map(EmulatorSnapshot.Message::text).contains("Итоги");
        assertThat(chat.messages().stream().filter(m -> "chat_pin_message".equals(m.action())))
                .hasSize(1);
        assertThat(http.errorCode(
                        "messages.pin", teacherToken, "peer_id", "2000000001", "conversation_message_id", sent))
                .isEqualTo(925);
        assertThat(http.errorCode(
                        "messages.pin", SCHOOL_TOKEN, "peer_id", "2000000001", "conversation_message_id", "99"))
                .isEqualTo(100);
        assertThat(http.errorCode(
                        "messages.pin", SCHOOL_TOKEN, "peer_id", "2000000077", "conversation_message_id", sent))
                .isEqualTo(917);
    }

    @Test
    void getInviteLinkIsStableUntilReset() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А");

        var first = inviteLink(2_000_000_001L);
        var again = inviteLink(2_000_000_001L);
        var reset = http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", "2000000001", "reset", "1")
                .path("link")
                .asString();

        assertThat(first).startsWith("https://vk.me/join/").isEqualTo(again);
        assertThat(reset).startsWith("https://vk.me/join/").isNotEqualTo(first);
        assertThat(http.errorCode("messages.joinChatByInviteLink", pupilToken, "link", first))
                .isEqualTo(917);
        assertThat(http.ok("messages.joinChatByInviteLink", pupilToken, "link", reset)
                        .path("chat_id")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void getInviteLinkRefusesNonAdminsAndStrangers() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А", TEACHER);

        assertThat(http.errorCode("messages.getInviteLink", teacherToken, "peer_id", "2000000001"))
                .isEqualTo(919);
        assertThat(http.errorCode("messages.getInviteLink", OTHER_SCHOOL_TOKEN, "peer_id", "2000000001"))
                .isEqualTo(917);
    }

    @Test
    void joinByLinkTwiceAnswersTheSameChat() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А");
        var link = inviteLink(2_000_000_001L);

        var first = http.ok("messages.joinChatByInviteLink", pupilToken, "link", link);
        var second = http.ok("messages.joinChatByInviteLink", pupilToken, "link", link);

        assertThat(second.path("chat_id").asLong())
                .isEqualTo(first.path("chat_id").asLong());
        assertThat(emulator.chats().get(0).activeMembers()).hasSize(2);
    }

    @Test
    void joinByLinkRefusesNonMembersOfAnOrganizationCommunity() {
        createChat(ORG_SCHOOL_TOKEN, "Химия 9В");
        var link = http.ok("messages.getInviteLink", ORG_SCHOOL_TOKEN, "peer_id", "2000000001")
                .path("link")
                .asString();

        assertThat(http.errorCode("messages.joinChatByInviteLink", emulator.issueUserToken(OUTSIDER), "link", link))
                .isEqualTo(1019);
        assertThat(http.call("messages.joinChatByInviteLink", pupilToken, "link", link)
                        .has("response"))
                .isTrue();
    }

    @Test
    void addChatUserNeedsTheCallerInTheChat() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А", TEACHER);

        assertThat(http.ok("messages.addChatUser", teacherToken, "chat_id", "1", "user_id", String.valueOf(PUPIL))
                        .asInt())
                .isEqualTo(1);
        assertThat(emulator.chats().get(0).activeMembers())
                .extracting(EmulatorSnapshot.Member::memberId)
                .containsExactly(-SCHOOL, TEACHER, PUPIL);
        assertThat(http.errorCode("messages.addChatUser", teacherToken, "chat_id", "1", "user_id", "424242"))
                .isEqualTo(936);
        assertThat(http.errorCode(
                        "messages.addChatUser",
                        emulator.issueUserToken(PUPIL_2),
                        "chat_id",
                        "1",
                        "user_id",
                        String.valueOf(OUTSIDER)))
                .isEqualTo(927);
    }

    @Test
    void removeChatUserKicksAndThenAnswers935() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А", TEACHER, PUPIL);

        assertThat(http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "member_id", String.valueOf(PUPIL))
                        .asInt())
                .isEqualTo(1);

        var pupil = emulator.chats().get(0).members().stream()
                .filter(m -> m.memberId() == PUPIL)
                .findFirst()
                .orElseThrow();
        assertThat(pupil.state()).isEqualTo("kicked");
        assertThat(http.errorCode(
                        "messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "user_id", String.valueOf(PUPIL)))
                .isEqualTo(935);
        assertThat(http.errorCode(
                        "messages.send", pupilToken, "peer_id", "2000000001", "random_id", "5", "message", "hi"))
                .isEqualTo(917);
        var pupilView = http.ok("messages.getConversations", pupilToken)
                .path("items")
                .get(0)
                .path("conversation");
        assertThat(pupilView.path("chat_settings").path("state").asString()).isEqualTo("kicked");
        assertThat(pupilView.path("can_write").path("allowed").asBoolean()).isFalse();
        assertThat(http.errorCode(
                        "messages.removeChatUser", teacherToken, "chat_id", "1", "member_id", String.valueOf(-SCHOOL)))
                .isEqualTo(15);
    }

    @Test
    void getConversationsPagesOwnersChatsWithTitles() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А");
        createChat(SCHOOL_TOKEN, "Геометрия 7А");
        createChat(SCHOOL_TOKEN, "Физика 7А");

        var firstPage = http.ok("messages.getConversations", SCHOOL_TOKEN, "count", "2");
        var secondPage = http.ok("messages.getConversations", SCHOOL_TOKEN, "count", "2", "offset", "2");

        assertThat(firstPage.path("count").asInt()).isEqualTo(3);
        assertThat(titles(firstPage.path("items"))).containsExactly("Физика 7А", "Геометрия 7А");
        assertThat(titles(secondPage.path("items"))).containsExactly("Алгебра 7А");
        var conversation = firstPage.path("items").get(0).path("conversation");
        assertThat(conversation.path("chat_settings").path("owner_id").asLong()).isEqualTo(-SCHOOL);
        assertThat(conversation.path("chat_settings").path("state").asString()).isEqualTo("in");
        assertThat(conversation.path("can_write").path("allowed").asBoolean()).isTrue();
        assertThat(firstPage
                        .path("items")
                        .get(0)
                        .path("last_message")
                        .path("action")
                        .path("type")
                        .asString())
                .isEqualTo("chat_create");
    }

    @Test
    void getConversationsByIdLeavesOutUnknownPeers() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А", TEACHER);

        var response = http.ok("messages.getConversationsById", SCHOOL_TOKEN, "peer_ids", "2000000001,2000000002");

        assertThat(response.path("count").asInt()).isEqualTo(1);
        var conversation = response.path("items").get(0);
        assertThat(conversation.path("peer").path("id").asLong()).isEqualTo(2_000_000_001L);
        assertThat(conversation.path("chat_settings").path("members_count").asInt())
                .isEqualTo(2);
        assertThat(conversation
                        .path("chat_settings")
                        .path("acl")
                        .path("can_invite")
                        .asBoolean())
                .isTrue();
        assertThat(http.ok("messages.getConversationsById", OTHER_SCHOOL_TOKEN, "peer_ids", "2000000001")
                        .path("count")
                        .asInt())
                .isZero();
    }

    @Test
    void getConversationMembersListsMembersWithRoles() {
        createChat(SCHOOL_TOKEN, "Алгебра 7А", TEACHER, PUPIL);

        var response =
                http.ok("messages.getConversationMembers", SCHOOL_TOKEN, "peer_id", "2000000001", "extended", "1");

        assertThat(response.path("count").asInt()).isEqualTo(3);
        var owner = response.path("items").get(0);
        assertThat(owner.path("member_id").asLong()).isEqualTo(-SCHOOL);
        assertThat(owner.path("is_owner").asBoolean()).isTrue();
        assertThat(owner.path("is_admin").asBoolean()).isTrue();
        assertThat(owner.has("can_kick")).isFalse();
        var teacher = response.path("items").get(1);
        assertThat(teacher.path("member_id").asLong()).isEqualTo(TEACHER);
        assertThat(teacher.path("invited_by").asLong()).isEqualTo(-SCHOOL);
        assertThat(teacher.path("join_date").asLong()).isPositive();
        assertThat(teacher.path("can_kick").asBoolean()).isTrue();
        assertThat(teacher.has("is_owner")).isFalse();
        assertThat(response.path("profiles").size()).isEqualTo(2);
        assertThat(response.path("groups").get(0).path("id").asLong()).isEqualTo(SCHOOL);
        assertThat(http.errorCode("messages.getConversationMembers", OTHER_SCHOOL_TOKEN, "peer_id", "2000000001"))
                .isEqualTo(917);
    }

    private long createChat(String token, String title, long... userIds) {
        var ids = new ArrayList<String>();
        for (long id : userIds) {
            ids.add(String.valueOf(id));
        }
        return http.ok("messages.createChat", token, "title", title, "user_ids", String.join(",", ids))
                .path("chat_id")
                .asLong();
    }

    private String inviteLink(long peerId) {
        return http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", String.valueOf(peerId))
                .path("link")
                .asString();
    }

    private static List<Long> longs(JsonNode array) {
        var list = new ArrayList<Long>();
        for (int i = 0; i < array.size(); i++) {
            list.add(array.get(i).asLong());
        }
        return list;
    }

    private static List<String> titles(JsonNode items) {
        var list = new ArrayList<String>();
        for (int i = 0; i < items.size(); i++) {
            list.add(items.get(i)
                    .path("conversation")
                    .path("chat_settings")
                    .path("title")
                    .asString());
        }
        return list;
    }
}
