package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client-side limiter keeps bursts within VK's per-token limits, measured by the emulator's own count of
 * error-6 answers; and without it, error 6 is repeated until the calls pass.
 */
class VkRateLimitTests {

    static VkWorld world;

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
    }

    @Test
    void keepsABurstOfSixtyCallsOnOneCommunityTokenFreeOfErrorSix() throws Exception {
        var vk = world.client();
        var peer = vk.call(world.school(), createChat()).orThrow().peerId();

        var outcomes = burst(
                60,
                8,
                i -> i % 2 == 0
                        ? vk.call(world.school(), VkConversations.GetConversationsById.of(peer))
                        : vk.call(world.school(), VkMessages.SendToPeers.of(peer, 1000L + i, "Message " + i)));

        assertThat(outcomes).allMatch(VkOutcome::isOk);
        assertThat(world.emulator.stats().totalRateLimitViolations()).isZero();
        assertThat(world.emulator.chats().get(0).textMessages()).hasSize(30);
        assertThat(world.meters.get("sferum.vk.rate-limit.waits").counter().count())
                .isPositive();
    }

    @Test
    void keepsABurstOnOneUserTokenFreeOfErrorSix() throws Exception {
        var vk = world.client();
        var teacher = world.userToken(VkWorld.TEACHER);

        var outcomes = burst(7, 4, i -> vk.call(teacher, VkUsers.Get.of(VkWorld.PUPIL)));

        assertThat(outcomes).allMatch(VkOutcome::isOk);
        assertThat(world.emulator.stats().totalRateLimitViolations()).isZero();
    }

    @Test
    void repeatsErrorSixUntilTheCallsPassWhenTheLimiterIsTooGenerous() throws Exception {
        var vk = world.client(
                "rate-limit.community-per-second", "10000",
                "retry.max-attempts", "20",
                "retry.initial-backoff", "100ms",
                "retry.max-backoff", "400ms",
                "retry.max-total-time", "20s");

        var outcomes = burst(40, 8, i -> vk.call(world.school(), VkGroups.GetById.own()));

        assertThat(world.emulator.stats().totalRateLimitViolations()).isPositive();
        assertThat(outcomes).allMatch(VkOutcome::isOk);
    }

    @Test
    void dropsLimitersOfIdleTokens() {
        var now = new AtomicLong();
        var limiters = new VkRateLimiters(
                world.properties("rate-limit.idle-eviction", "10m", "rate-limit.max-wait", "30s")
                        .rateLimit(),
                now::get);
        var busy = new CommunityToken("vk1.a.busy-token-0000000000000000000001");
        limiters.of(busy);
        limiters.of(new CommunityToken("vk1.a.idle-token-0000000000000000000002"));
        limiters.of(new UserToken("vk1.a.idle-user-token-00000000000000000003"));

        now.addAndGet(java.time.Duration.ofMinutes(6).toNanos());
        var sameLimiter = limiters.of(busy);
        now.addAndGet(java.time.Duration.ofMinutes(6).toNanos());
        var stillSame = limiters.of(busy);

        assertThat(limiters.size()).isEqualTo(1);
        assertThat(stillSame).isSameAs(sameLimiter);
    }

    /** {@code calls} calls on {@code threads} threads at once; their outcomes in order. */
    private static List<VkOutcome<?>> burst(int calls, int threads, java.util.function.IntFunction<VkOutcome<?>> call)
            throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<VkOutcome<?>>>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(pool.submit((Callable<VkOutcome<?>>) () -> call.apply(index)));
            }
            var outcomes = new ArrayList<VkOutcome<?>>();
            for (var future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static VkChats.CreateChat createChat() {
        return new VkChats.CreateChat(VkWorld.SCHOOL, List.of(VkWorld.TEACHER), "Algebra 7A");
    }
}
