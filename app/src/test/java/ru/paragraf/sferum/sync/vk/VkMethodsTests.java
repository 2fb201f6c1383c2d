package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each VK method through the client against the emulator: the typed answer and what changed in "VK". */
class VkMethodsTests {

    static VkWorld world;
    VkClient vk;

    @BeforeAll
    static void startEmulator() {
        world = new VkWorld();
    }

    @AfterAll
    static void stopEmulator() {
        world.close();
    }

    @BeforeEach
    void freshState() {
        world.reset();
        vk = world.client();
    }

    @Test
    void readsTheTokensOwnCommunityAndItsPermissions() {
        var groups = vk.call(world.school(), VkGroups.GetById.own()).orThrow();
        var permissions =
                vk.call(world.school(), new VkGroups.GetTokenPermissions()).orThrow();

        assertThat(groups.groups()).singleElement().satisfies(group -> {
            assertThat(group.id()).isEqualTo(VkWorld.SCHOOL);
            assertThat(group.screenName()).isEqualTo("school101");
        });
        assertThat(permissions.allows("messages")).isTrue();
        assertThat(permissions.mask()).isEqualTo(4096 + 262144);
    }

    @Test
    void readsACommunityById() {
        var groups = vk.call(world.school(), VkGroups.GetById.of(VkWorld.OTHER_SCHOOL))
                .orThrow();

        assertThat(groups.groups()).extracting(VkGroups.Group::name).containsExactly("Gymnasium 202");
    }

    @Test
    void readsUsers() {
        var users = vk.call(world.school(), VkUsers.Get.of(VkWorld.TEACHER, VkWorld.PUPIL))
                .orThrow();

        assertThat(users.users())
                .extracting(VkUsers.User::id, VkUsers.User::lastName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(VkWorld.TEACHER, "Smirnova"),
                        org.assertj.core.groups.Tuple.tuple(VkWorld.PUPIL, "Ivanov"));
    }

    @Test
    void createsAChatWithItsMembers() {
        var created = createChat("Algebra 7A");

        assertThat(created.chatId()).isEqualTo(1);
        assertThat(created.peerId()).isEqualTo(2_000_000_001L);
        assertThat(created.peerIds()).contains(VkWorld.TEACHER, VkWorld.PUPIL);
        assertThat(world.emulator.chats()).singleElement().satisfies(chat -> {
            assertThat(chat.title()).isEqualTo("Algebra 7A");
            assertThat(chat.ownerId()).isEqualTo(-VkWorld.SCHOOL);
        });
    }

    @Test
    void renamesAChat() {
        var created = createChat("Algebra 7A");

        var done = vk.call(world.school(), new VkChats.EditChat(created.chatId(), "Algebra 7B"))
                .orThrow();

        assertThat(done.value()).isEqualTo(1);
        assertThat(world.emulator.chats().get(0).title()).isEqualTo("Algebra 7B");
    }

    @Test
    void getsAndResetsTheInviteLink() {
        var created = createChat("Algebra 7A");

        var first = vk.call(world.school(), VkChats.GetInviteLink.of(created.peerId()))
                .orThrow();
        var again = vk.call(world.school(), VkChats.GetInviteLink.of(created.peerId()))
                .orThrow();
        var reset = vk.call(world.school(), new VkChats.GetInviteLink(created.peerId(), true, VkWorld.SCHOOL))
                .orThrow();

        assertThat(first.link()).startsWith("https://vk.me/join/");
        assertThat(again).isEqualTo(first);
        assertThat(reset.link()).isNotEqualTo(first.link());
        assertThat(first.toString()).doesNotContain(first.link());
    }

    @Test
    void letsAUserJoinByTheInviteLink() {
        var created = createChat("Algebra 7A");
        var link = vk.call(world.school(), VkChats.GetInviteLink.of(created.peerId()))
                .orThrow()
                .link();

        var joined = vk.call(world.userToken(VkWorld.PUPIL_2), new VkChats.JoinChatByInviteLink(link))
                .orThrow();

        assertThat(joined.chatId()).isEqualTo(1);
        assertThat(world.emulator.chats().get(0).activeMembers())
                .extracting(m -> m.memberId())
                .contains(VkWorld.PUPIL_2);
    }

    @Test
    void addsAndRemovesMembers() {
        createChat("Algebra 7A");
        long teachersChatId = world.emulator.chats().get(0).localIds().get(VkWorld.TEACHER);

        var added = vk.call(
                        world.userToken(VkWorld.TEACHER),
                        new VkChats.AddChatUser(teachersChatId, VkWorld.PUPIL_2, null))
                .orThrow();
        var removed = vk.call(world.school(), new VkChats.RemoveChatUser(1, VkWorld.PUPIL))
                .orThrow();

        assertThat(added.value()).isEqualTo(1);
        assertThat(removed.value()).isEqualTo(1);
        assertThat(world.emulator.chats().get(0).activeMembers())
                .extracting(m -> m.memberId())
                .contains(VkWorld.PUPIL_2)
                .doesNotContain(VkWorld.PUPIL);
    }

    @Test
    void listsConversationsPageByPage() {
        createChat("Algebra 7A");
        createChat("Physics 7A");
        createChat("History 7A");

        var page = vk.call(world.school(), new VkConversations.GetConversations(0, 2, null))
                .orThrow();
        var all = vk.allConversations(world.school(), null, 2).orThrow();

        assertThat(page.count()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        assertThat(all)
                .extracting(item -> item.conversation().chatSettings().title())
                .containsExactlyInAnyOrder("Algebra 7A", "Physics 7A", "History 7A");
    }

    @Test
    void readsConversationsByIdAndMembers() {
        var created = createChat("Algebra 7A");

        var conversations = vk.call(world.school(), VkConversations.GetConversationsById.of(created.peerId()))
                .orThrow();
        var members = vk.call(world.school(), VkConversations.GetConversationMembers.of(created.peerId()))
                .orThrow();

        assertThat(conversations.items()).singleElement().satisfies(conversation -> {
            assertThat(conversation.peer().isChat()).isTrue();
            assertThat(conversation.peer().id()).isEqualTo(created.peerId());
            assertThat(conversation.chatSettings().title()).isEqualTo("Algebra 7A");
            assertThat(conversation.chatSettings().ownerId()).isEqualTo(VkPeers.ofCommunity(VkWorld.SCHOOL));
        });
        assertThat(members.items())
                .extracting(VkConversations.Member::memberId)
                .containsExactly(-VkWorld.SCHOOL, VkWorld.TEACHER, VkWorld.PUPIL);
        assertThat(members.items().get(0).owner()).isTrue();
    }

    @Test
    void sendsMessagesToAPeerAndToPeers() {
        var created = createChat("Algebra 7A");

        var single = vk.call(world.school(), VkMessages.Send.of(created.peerId(), 101L, "Lesson at 10:00"))
                .orThrow();
        var many = vk.call(world.school(), VkMessages.SendToPeers.of(created.peerId(), 102L, "Link"))
                .orThrow();

        assertThat(single.value()).isZero(); // a community writing in a chat gets message id 0
        assertThat(many.results()).singleElement().satisfies(sent -> {
            assertThat(sent.peerId()).isEqualTo(created.peerId());
            assertThat(sent.conversationMessageId()).isEqualTo(3);
            assertThat(sent.error()).isNull();
        });
        assertThat(world.emulator.chats().get(0).textMessages())
                .extracting(m -> m.text())
                .containsExactly("Lesson at 10:00", "Link");
    }

    @Test
    void startsAndFinishesACall() {
        var teacher = world.userToken(VkWorld.TEACHER);

        var call = vk.call(teacher, new VkCalls.Start(VkWorld.SCHOOL)).orThrow();
        var finished = vk.call(teacher, new VkCalls.ForceFinish(call.callId())).orThrow();

        assertThat(call.callId()).hasSize(36);
        assertThat(call.joinLink()).startsWith("https://vk.com/call/join/");
        assertThat(finished.value()).isEqualTo(1);
        assertThat(world.emulator.calls()).singleElement().satisfies(c -> {
            assertThat(c.groupId()).isEqualTo(VkWorld.SCHOOL);
            assertThat(c.state()).isEqualTo("finished");
        });
    }

    private VkChats.ChatCreated createChat(String title) {
        return vk.call(
                        world.school(),
                        new VkChats.CreateChat(VkWorld.SCHOOL, List.of(VkWorld.TEACHER, VkWorld.PUPIL), title))
                .orThrow();
    }
}
