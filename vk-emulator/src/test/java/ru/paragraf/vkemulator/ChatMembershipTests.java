package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.OUTSIDER;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.PUPIL_2;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Chat membership as the product's engine meets it: invite links that a reset revokes, joining with a user token,
 * the members a community reads, and removing (by the community) and leaving (by the user), over real HTTP.
 */
class ChatMembershipTests {

    private static final String CHAT_PEER = "2000000001";

    private final MutableClock clock = new MutableClock();
    private VkEmulator emulator;
    private VkHttp http;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void start(EmulatorConfig.Builder config) {
        emulator = VkEmulator.start(config.build());
        http = new VkHttp(emulator);
    }

    private void start() {
        start(Fixtures.config(clock));
    }

    @Test
    void aResetLinkIsDeadForEveryoneAndTheNewOneWorks() {
        start();
        createChat(TEACHER);
        var first = inviteLink(false);

        var renewed = inviteLink(true);

        assertThat(renewed).isNotEqualTo(first).isEqualTo(inviteLink(false));
        assertThat(http.errorCode("messages.joinChatByInviteLink", token(PUPIL), "link", first))
                .isEqualTo(917);
        assertThat(http.errorCode("messages.joinChatByInviteLink", token(PUPIL), "link", "https://vk.me/join/nonsense"))
                .isEqualTo(917);
        assertThat(http.ok("messages.joinChatByInviteLink", token(PUPIL), "link", renewed)
                        .path("chat_id")
                        .asLong())
                .isEqualTo(1);
        assertThat(emulator.chats().get(0).inviteLink()).isEqualTo(renewed);
    }

    @Test
    void joiningByLinkNeedsAUserToken() {
        start();
        createChat();

        assertThat(http.errorCode("messages.joinChatByInviteLink", SCHOOL_TOKEN, "link", inviteLink(false)))
                .isEqualTo(27);
    }

    @Test
    void aJoinAnswersTheChatInTheUsersOwnNumberingAndAgainChangesNothing() {
        start();
        var teacher = token(TEACHER);
        http.ok("messages.createChat", teacher, "title", "Учительская");
        createChat();
        var link = inviteLink(false);

        var first = http.ok("messages.joinChatByInviteLink", teacher, "link", link);
        var again = http.ok("messages.joinChatByInviteLink", teacher, "link", link);

        assertThat(first.path("chat_id").asLong()).isEqualTo(2);
        assertThat(again.path("chat_id").asLong()).isEqualTo(2);
        var chat = emulator.snapshot().chatOf(-SCHOOL, 1);
        assertThat(chat.history())
                .extracting(EmulatorSnapshot.MembershipChange::change)
                .containsExactly("created", "joined");
        assertThat(chat.messages()).hasSize(2);
    }

    @Test
    void aRemovedUserComesBackByTheNewLinkButNotByTheOldOne() {
        start();
        createChat(PUPIL);
        var before = inviteLink(false);
        http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "member_id", String.valueOf(PUPIL));
        var after = inviteLink(true);

        assertThat(http.errorCode("messages.joinChatByInviteLink", token(PUPIL), "link", before))
                .isEqualTo(917);
        assertThat(http.ok("messages.joinChatByInviteLink", token(PUPIL), "link", after)
                        .path("chat_id")
                        .asLong())
                .isEqualTo(1);
        var pupil = member(PUPIL);
        assertThat(pupil.state()).isEqualTo("in");
        assertThat(pupil.invitedBy()).isEqualTo(PUPIL);
    }

    @Test
    void aRemovedUserIsRefusedWhereTheSwitchSaysVkRefusesThem() {
        start(Fixtures.config(clock).kickedMayRejoinByLink(false));
        createChat(PUPIL, PUPIL_2);
        http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "member_id", String.valueOf(PUPIL));
        var pupil2 = token(PUPIL_2);
        http.ok("messages.removeChatUser", pupil2, "chat_id", "1", "user_id", String.valueOf(PUPIL_2));
        var link = inviteLink(true);

        assertThat(http.errorCode("messages.joinChatByInviteLink", token(PUPIL), "link", link))
                .isEqualTo(917);
        assertThat(http.call("messages.joinChatByInviteLink", pupil2, "link", link)
                        .has("response"))
                .isTrue();
    }

    @Test
    void aUserLeavesWithTheirOwnTokenAndMayComeBack() {
        start();
        createChat(PUPIL);
        var pupil = token(PUPIL);

        assertThat(http.ok("messages.removeChatUser", pupil, "chat_id", "1", "user_id", String.valueOf(PUPIL))
                        .asInt())
                .isEqualTo(1);

        assertThat(member(PUPIL).state()).isEqualTo("left");
        assertThat(http.errorCode("messages.getConversationMembers", pupil, "peer_id", CHAT_PEER))
                .isEqualTo(917);
        http.ok("messages.joinChatByInviteLink", pupil, "link", inviteLink(false));
        assertThat(member(PUPIL).state()).isEqualTo("in");
    }

    @Test
    void theCommunityRemovesMembersByMemberIdOrUserId() {
        start();
        createChat(TEACHER, PUPIL, PUPIL_2);

        http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "member_id", String.valueOf(PUPIL));
        http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "user_id", String.valueOf(PUPIL_2));

        assertThat(emulator.chats().get(0).activeMembers())
                .extracting(EmulatorSnapshot.Member::memberId)
                .containsExactly(-SCHOOL, TEACHER);
        assertThat(member(PUPIL).state()).isEqualTo("kicked");
        assertThat(member(PUPIL_2).state()).isEqualTo("kicked");
    }

    @Test
    void removingSomeoneNotInTheChatOrUnknownToVkOrTheCommunityItselfIsRefused() {
        start();
        createChat(TEACHER, PUPIL);
        http.ok("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "1", "member_id", String.valueOf(PUPIL));

        assertThat(remove(SCHOOL_TOKEN, PUPIL)).isEqualTo(935);
        assertThat(remove(SCHOOL_TOKEN, OUTSIDER)).isEqualTo(935);
        assertThat(remove(SCHOOL_TOKEN, 424242)).isEqualTo(936);
        assertThat(remove(SCHOOL_TOKEN, -SCHOOL)).isEqualTo(15);
        assertThat(remove(token(TEACHER), -SCHOOL)).isEqualTo(15);
        assertThat(remove(token(TEACHER), PUPIL_2)).isEqualTo(935);
        assertThat(http.errorCode("messages.removeChatUser", SCHOOL_TOKEN, "chat_id", "9", "member_id", "1"))
                .isEqualTo(927);
    }

    @Test
    void onlyAnAdminRemovesOthers() {
        start();
        createChat(TEACHER, PUPIL);

        assertThat(remove(token(TEACHER), PUPIL)).isEqualTo(925);
        assertThat(member(PUPIL).state()).isEqualTo("in");
    }

    @Test
    void membersIncludeTheCommunityWithRolesAndProfilesWithTheFieldsAskedFor() {
        start();
        createChat(TEACHER, PUPIL);

        var members = http.ok(
                "messages.getConversationMembers",
                SCHOOL_TOKEN,
                "peer_id",
                CHAT_PEER,
                "extended",
                "1",
                "fields",
                "screen_name,photo_100");

        assertThat(members.path("count").asInt()).isEqualTo(3);
        var community = members.path("items").get(0);
        assertThat(community.path("member_id").asLong()).isEqualTo(-SCHOOL);
        assertThat(community.path("invited_by").asLong()).isEqualTo(-SCHOOL);
        assertThat(community.path("is_owner").asBoolean()).isTrue();
        assertThat(community.path("is_admin").asBoolean()).isTrue();
        var pupil = members.path("items").get(2);
        assertThat(pupil.path("member_id").asLong()).isEqualTo(PUPIL);
        assertThat(pupil.path("join_date").asLong()).isEqualTo(clock.millis() / 1000);
        assertThat(pupil.path("can_kick").asBoolean()).isTrue();
        var profile = members.path("profiles").get(1);
        assertThat(profile.path("id").asLong()).isEqualTo(PUPIL);
        assertThat(profile.path("first_name").asString()).isEqualTo("Дмитрий");
        assertThat(profile.path("last_name").asString()).isEqualTo("Иванов");
        assertThat(profile.path("screen_name").asString()).isEqualTo("id" + PUPIL);
        assertThat(profile.path("photo_100").asString()).startsWith("https://");
        assertThat(profile.has("sex")).isFalse();
        assertThat(members.path("groups").get(0).path("name").asString()).isEqualTo("ГБОУ школа № 101");
        var plain = http.ok("messages.getConversationMembers", SCHOOL_TOKEN, "peer_id", CHAT_PEER);
        assertThat(plain.path("profiles").isEmpty()).isTrue();
        assertThat(plain.path("groups").isEmpty()).isTrue();
    }

    @Test
    void aMemberReadsTheMembersWithoutTheRightToKick() {
        start();
        createChat(TEACHER, PUPIL);

        var members = http.ok("messages.getConversationMembers", token(PUPIL), "peer_id", CHAT_PEER);

        assertThat(ids(members.path("items"))).containsExactly(-SCHOOL, TEACHER, PUPIL);
        for (var item : members.path("items")) {
            assertThat(item.has("can_kick")).isFalse();
        }
        assertThat(http.errorCode("messages.getConversationMembers", token(OUTSIDER), "peer_id", CHAT_PEER))
                .isEqualTo(917);
    }

    @Test
    void membersComeInPagesOfAtMostAThousand() {
        start();
        createChat(TEACHER, PUPIL, PUPIL_2, OUTSIDER);

        var second = http.ok(
                "messages.getConversationMembers", SCHOOL_TOKEN, "peer_id", CHAT_PEER, "offset", "2", "count", "2");
        var beyond = http.ok(
                "messages.getConversationMembers", SCHOOL_TOKEN, "peer_id", CHAT_PEER, "offset", "5", "count", "1000");

        assertThat(second.path("count").asInt()).isEqualTo(5);
        assertThat(ids(second.path("items"))).containsExactly(PUPIL, PUPIL_2);
        assertThat(beyond.path("count").asInt()).isEqualTo(5);
        assertThat(beyond.path("items").isEmpty()).isTrue();
        assertThat(http.errorCode(
                        "messages.getConversationMembers", SCHOOL_TOKEN, "peer_id", CHAT_PEER, "count", "1001"))
                .isEqualTo(100);
    }

    @Test
    void eachUserTokenJoinsAtMostThreeTimesASecond() {
        start(EmulatorConfig.builder().seed(Fixtures.seed()).clock(clock));
        var links = new ArrayList<String>();
        for (int i = 1; i <= 5; i++) {
            http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Чат " + i);
            links.add(http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", String.valueOf(2_000_000_000L + i))
                    .path("link")
                    .asString());
        }
        var pupil = token(PUPIL);
        var otherPupil = token(PUPIL_2);

        for (int i = 0; i < 3; i++) {
            http.ok("messages.joinChatByInviteLink", pupil, "link", links.get(i));
        }
        assertThat(http.errorCode("messages.joinChatByInviteLink", pupil, "link", links.get(3)))
                .isEqualTo(6);
        http.ok("messages.joinChatByInviteLink", otherPupil, "link", links.get(3));
        clock.advance(Duration.ofMillis(334));
        http.ok("messages.joinChatByInviteLink", pupil, "link", links.get(3));

        assertThat(emulator.stats().errorsOf("messages.joinChatByInviteLink", 6))
                .isEqualTo(1);
    }

    private void createChat(long... userIds) {
        var ids = new ArrayList<String>();
        for (long id : userIds) {
            ids.add(String.valueOf(id));
        }
        http.ok("messages.createChat", SCHOOL_TOKEN, "title", "Алгебра 7А", "user_ids", String.join(",", ids));
    }

    private String inviteLink(boolean reset) {
        return http.ok("messages.getInviteLink", SCHOOL_TOKEN, "peer_id", CHAT_PEER, "reset", reset ? "1" : "0")
                .path("link")
                .asString();
    }

    private int remove(String token, long member) {
        return http.errorCode("messages.removeChatUser", token, "chat_id", "1", "member_id", String.valueOf(member));
    }

    private String token(long user) {
        return emulator.issueUserToken(user);
    }

    private EmulatorSnapshot.Member member(long id) {
        return emulator.chats().get(0).members().stream()
                .filter(m -> m.memberId() == id)
                .findFirst()
                .orElseThrow();
    }

    private static List<Long> ids(JsonNode items) {
        var list = new ArrayList<Long>();
        for (var item : items) {
            list.add(item.path("member_id").asLong());
        }
        return list;
    }
}
