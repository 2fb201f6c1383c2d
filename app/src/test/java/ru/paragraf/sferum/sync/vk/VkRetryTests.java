package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.sync.vk.VkErrorClassificationTests.failureOf;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * Retries are bounded and idempotency-aware: transient failures of idempotent calls are repeated until they pass,
 * while a non-idempotent call whose outcome is unknown is reported, never repeated.
 */
class VkRetryTests {

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
    void repeatsAnInternalErrorOfAnIdempotentCallUntilItPasses() {
        world.emulator.faults(VkWorld.failingFirst(2, 10, "groups.getById"));

        var outcome = vk.call(world.school(), VkGroups.GetById.own());

        assertThat(outcome.isOk()).isTrue();
        assertThat(world.emulator.stats().errorsOf("groups.getById", 10)).isEqualTo(2);
        assertThat(world.emulator.stats().callsOf("groups.getById")).isEqualTo(3);
        assertThat(world.meters
                        .get("sferum.vk.retries")
                        .tag("method", "groups.getById")
                        .tag("reason", "10")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void repeatsTooManyRequestsEvenForCreateChatBecauseVkDidNothing() {
        world.emulator.faults(VkWorld.failingFirst(2, 6, "messages.createChat"));

        var outcome = vk.call(world.school(), createChat());

        assertThat(outcome.isOk()).isTrue();
        assertThat(world.emulator.stats().errorsOf("messages.createChat", 6)).isEqualTo(2);
        assertThat(world.emulator.chats()).hasSize(1);
    }

    @Test
    void neverRepeatsCreateChatWhoseAnswerWasLost() {
        world.emulator.faults(FaultPlan.NONE.withLostResponse(1.0, "messages.createChat"));

        var failure = failureOf(vk.call(world.school(), createChat()));

        assertThat(failure.kind()).isEqualTo(VkFailure.Kind.CONNECTION);
        assertThat(failure.ambiguous()).isTrue();
        assertThat(failure.category()).isEqualTo(VkErrorCategory.RETRY);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(world.emulator.stats().callsOf("messages.createChat")).isEqualTo(1);
        assertThat(world.emulator.chats()).singleElement().satisfies(chat -> assertThat(chat.title())
                .isEqualTo("Algebra 7A"));
    }

    @Test
    void findsTheChatOfALostCreateChatAnswerAmongTheConversations() {
        world.emulator.faults(FaultPlan.NONE.withLostResponse(1.0, "messages.createChat"));
        vk.call(world.school(), createChat());
        world.emulator.clearFaults();

        var conversations = vk.allConversations(world.school(), null).orThrow();

        assertThat(conversations)
                .extracting(item -> item.conversation().chatSettings().title())
                .containsExactly("Algebra 7A");
    }

    @Test
    void repeatsALostAnswerOfAnIdempotentCallUpToMaxAttempts() {
        world.emulator.faults(FaultPlan.NONE.withLostResponse(1.0, "messages.getConversationsById"));

        var failure = failureOf(vk.call(world.school(), VkConversations.GetConversationsById.of(2_000_000_001L)));

        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(world.emulator.stats().callsOf("messages.getConversationsById"))
                .isEqualTo(4);
    }

    @Test
    void repeatsAConnectionThatWasNeverMadeEvenForCreateChat() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var client = world.client("api-url", "http://127.0.0.1:" + closedPort, "retry.max-attempts", "3");

        var failure = failureOf(client.call(world.school(), createChat()));

        assertThat(failure.kind()).isEqualTo(VkFailure.Kind.CONNECTION);
        assertThat(failure.ambiguous()).isFalse();
        assertThat(failure.attempts()).isEqualTo(3);
    }

    @Test
    void reportsATimeoutAsATimeout() {
        world.emulator.faults(FaultPlan.NONE.withTimeout(1.0, "messages.createChat", Duration.ofSeconds(5)));
        var client = world.client("read-timeout", "300ms");

        var failure = failureOf(client.call(world.school(), createChat()));

        assertThat(failure.kind()).isEqualTo(VkFailure.Kind.TIMEOUT);
        assertThat(failure.ambiguous()).isTrue();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.outcomeTag()).isEqualTo("timeout");
    }

    @Test
    void stopsRepeatingAfterTheTotalTime() {
        world.emulator.faults(FaultPlan.NONE.withError(10, 1.0, "groups.getById"));
        var client = world.client("retry.max-attempts", "50", "retry.max-total-time", "1ms");

        var failure = failureOf(client.call(world.school(), VkGroups.GetById.own()));

        assertThat(failure.attempts()).isLessThan(3);
    }

    @Test
    void sendsOneMessageForTheSameRandomIdTwice() {
        var peer = vk.call(world.school(), createChat()).orThrow().peerId();

        var first = vk.call(world.school(), VkMessages.SendToPeers.of(peer, 424242L, "Lesson at 10:00"))
                .orThrow();
        var second = vk.call(world.school(), VkMessages.SendToPeers.of(peer, 424242L, "Lesson at 10:00"))
                .orThrow();

        assertThat(second).isEqualTo(first);
        assertThat(world.emulator.chats().get(0).textMessages()).hasSize(1);
    }

    @Test
    void sendsOneMessageWhenTheFirstAnswerWasLost() {
        var peer = vk.call(world.school(), createChat()).orThrow().peerId();
        world.emulator.faults(FaultPlan.NONE.withSeed(failingFirstSeed()).withLostResponse(0.5, "messages.send"));

        var sent = vk.call(world.school(), VkMessages.SendToPeers.of(peer, 777L, "Lesson at 10:00"));

        assertThat(sent.isOk()).isTrue();
        assertThat(world.emulator.stats().callsOf("messages.send")).isEqualTo(2);
        assertThat(world.emulator.chats().get(0).textMessages()).hasSize(1);
    }

    /** A seed whose first draw loses the answer and whose second lets it through. */
    private static long failingFirstSeed() {
        return VkWorld.failingFirst(1, 10, "messages.send").seed();
    }

    private static VkChats.CreateChat createChat() {
        return new VkChats.CreateChat(VkWorld.SCHOOL, List.of(VkWorld.TEACHER, VkWorld.PUPIL), "Algebra 7A");
    }
}
