package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * What the engine learns from VK about things VK lost: chats that are no longer there, and a person's token that VK
 * no longer accepts, told apart from a method that VK merely refuses to that person.
 */
class VkMessengerProviderTests {

    static VkWorld world;
    MessengerProvider vk;
    CommunityAccess school;

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
        vk = new VkMessengerProvider(world.client());
        school = new CommunityAccess(VkWorld.SCHOOL, VkWorld.SCHOOL_TOKEN);
    }

    @Test
    void presentChatsLeaveOutAChatVkNoLongerHasForTheCommunity() {
        var kept = created("Алгебра 7А");
        var other = created("Геометрия 7А");

        var present = vk.presentChats(school, List.of(kept, other, 4242L));

        assertThat(present).isEqualTo(Outcome.done(Set.of(kept, other)));
        assertThat(world.emulator.stats().callsOf("messages.getConversationsById"))
                .isEqualTo(1);
    }

    @Test
    void presentChatsAskInBatchesOfAHundred() {
        var first = created("Алгебра 7А");
        var ids = new java.util.ArrayList<Long>(List.of(first));
        for (long id = 1000; ids.size() < 250; id++) {
            ids.add(id);
        }

        assertThat(vk.presentChats(school, ids)).isEqualTo(Outcome.done(Set.of(first)));
        assertThat(world.emulator.stats().callsOf("messages.getConversationsById"))
                .isEqualTo(3);
    }

    @Test
    void aRenameRepeatedAfterALostAnswerTellsTheMembersNothingAgain() {
        var chat = created("Алгебра 7А");

        assertThat(vk.rename(school, chat, "Алгебра 7А · 2025/2026")).isEqualTo(Outcome.done(true));
        // the answer was lost (a crash, a timeout): the archive is carried out again
        assertThat(vk.rename(school, chat, "Алгебра 7А · 2025/2026")).isEqualTo(Outcome.done(true));

        var found = world.emulator.chats().stream()
                .filter(it -> it.localIds().get(-VkWorld.SCHOOL) == chat)
                .findFirst()
                .orElseThrow();
        assertThat(found.title()).isEqualTo("Алгебра 7А · 2025/2026");
        assertThat(found.messages().stream().filter(m -> "chat_title_update".equals(m.action())))
                .hasSize(1);
        assertThat(world.emulator.stats().callsOf("messages.editChat")).isEqualTo(1);
    }

    @Test
    void aChatVkDoesNotHaveIsGoneForTheCommunitysCallsAboutIt() {
        var outcome = vk.inviteLink(school, 4242L);

        assertThat(problemOf(outcome).kind()).isEqualTo(Problem.Kind.GONE);
    }

    @Test
    void aRevokedUserTokenIsThatPersonsCredentialsNotTheSchools() {
        var token = world.emulator.issueUserToken(VkWorld.TEACHER);
        var teacher = new UserAccess(VkWorld.TEACHER, token);
        assertThat(vk.checkUser(teacher)).isEqualTo(Outcome.done(true));

        world.emulator.revokeToken(token);

        assertThat(problemOf(vk.checkUser(teacher)).kind()).isEqualTo(Problem.Kind.USER_CREDENTIALS);
        assertThat(problemOf(vk.startCall(teacher, null)).kind()).isEqualTo(Problem.Kind.USER_CREDENTIALS);
    }

    @Test
    void aCallOfAnotherTeacherIsAnItemMatterNotADeadToken() {
        var starter = new UserAccess(VkWorld.TEACHER, world.emulator.issueUserToken(VkWorld.TEACHER));
        var other = new UserAccess(VkWorld.PUPIL, world.emulator.issueUserToken(VkWorld.PUPIL));
        var call = ((Outcome.Done<MessengerProvider.StartedCall>) vk.startCall(starter, null)).value();

        var outcome = vk.finishCall(other, call.callId());

        assertThat(problemOf(outcome).kind()).isEqualTo(Problem.Kind.ITEM);
    }

    private long created(String title) {
        var outcome = vk.createChat(school, title, List.of());
        return ((Outcome.Done<MessengerProvider.CreatedChat>) outcome).value().chatId();
    }

    private static Problem problemOf(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<?>) outcome).problem();
    }
}
