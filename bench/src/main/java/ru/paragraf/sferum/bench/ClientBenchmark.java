package ru.paragraf.sferum.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import ru.paragraf.sferum.sync.vk.CommunityToken;
import ru.paragraf.sferum.sync.vk.VkChats;
import ru.paragraf.sferum.sync.vk.VkClient;
import ru.paragraf.sferum.sync.vk.VkConversations;
import ru.paragraf.sferum.sync.vk.VkMessages;
import ru.paragraf.sferum.sync.vk.VkOutcome;
import ru.paragraf.sferum.sync.vk.VkProperties;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The VK client's throughput benchmark: N community tokens of N communities, each driven by its own workers at
 * once through the real client (its per-token limiter and retries) against the VK emulator started in-process
 * with VK's limits (20 requests/s per community token, error 6 beyond). Measures achieved requests/s against the
 * ceiling N × 20, error-6 answers counted by the emulator, and request latency.
 */
final class ClientBenchmark {

    /**
     * @param tokens communities, one token each
     * @param workersPerToken threads calling through one token; more than one keeps its limiter saturated
     * @param warmup calls before the window, not measured (JIT, connections); error 6 counts here too
     * @param duration the measured window
     */
    record Settings(int tokens, int workersPerToken, Duration warmup, Duration duration) {}

    private static final int PER_TOKEN_LIMIT = 20;
    private static final long FIRST_COMMUNITY = 228_100_000L;
    private static final long FIRST_TEACHER = 710_000_000L;

    private final Settings settings;
    private final AtomicLong randomIds =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));

    ClientBenchmark(Settings settings) {
        this.settings = settings;
    }

    BenchResult run() throws InterruptedException {
        var tokens = new ArrayList<CommunityToken>();
        var seedCommunities = new ArrayList<Seed.Community>();
        var seedUsers = new ArrayList<Seed.User>();
        var random = new SecureRandom();
        for (int i = 0; i < settings.tokens(); i++) {
            var bytes = new byte[24];
            random.nextBytes(bytes);
            var value = "vk1.a.bench-" + HexFormat.of().formatHex(bytes);
            tokens.add(new CommunityToken(value));
            seedCommunities.add(Seed.Community.of(
                    FIRST_COMMUNITY + i,
                    "Bench school " + i,
                    "bench" + i,
                    Seed.Token.of(value, CommunityPermission.MESSAGES, CommunityPermission.MANAGE)));
            seedUsers.add(Seed.User.of(FIRST_TEACHER + i, "Teacher", "No" + i, "teacher" + i + "@bench", null));
        }
        var seed = Seed.of(seedCommunities, seedUsers, List.of());
        try (var emulator = VkEmulator.start(EmulatorConfig.builder()
                .seed(seed)
                .communityRequestsPerSecond(PER_TOKEN_LIMIT)
                .build())) {
            var meters = meters();
            var client = new VkClient(VkProperties.of(Map.of("sferum.vk.api-url", emulator.baseUrl())), meters.all);
            // chats are made by a separate client, so that the measured meters hold only the measured window
            var setup = new VkClient(
                    VkProperties.of(Map.of("sferum.vk.api-url", emulator.baseUrl())), new SimpleMeterRegistry());
            var peers = new long[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                peers[i] = setup.call(
                                tokens.get(i),
                                new VkChats.CreateChat(null, List.of(FIRST_TEACHER + i), "Bench chat " + i))
                        .orThrow()
                        .peerId();
            }
            var atStart = emulator.stats();
            var measured = drive(client, tokens, peers, emulator, meters);
            var atEnd = emulator.stats();
            long serverRequests =
                    sum(atEnd.methodCalls()) - sum(measured.atWindow().methodCalls());
            long error6 = atEnd.totalRateLimitViolations() - atStart.totalRateLimitViolations();
            return new BenchResult(
                    settings,
                    PER_TOKEN_LIMIT,
                    measured.ok,
                    measured.failed,
                    measured.failures,
                    serverRequests,
                    error6,
                    measured.perSecond,
                    latency(meters.overall, List.of()),
                    perMethodLatency(meters.byMethod),
                    measured.callLatency);
        }
    }

    private record Measured(
            long ok,
            long failed,
            Map<String, Long> failures,
            long[] perSecond,
            BenchResult.Latency callLatency,
            EmulatorSnapshot.Stats atWindow) {}

    private Measured drive(
            VkClient client, List<CommunityToken> tokens, long[] peers, VkEmulator emulator, Meters meters)
            throws InterruptedException {
        int seconds = (int) settings.duration().toSeconds();
        var perSecond = new AtomicLongArray(seconds);
        var ok = new LongAdder();
        var failures = new ConcurrentHashMap<String, LongAdder>();
        var callTimer =
                Timer.builder("bench.call").publishPercentiles(0.5, 0.95, 0.99).register(new SimpleMeterRegistry());
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        long[] window = new long[2];
        for (int t = 0; t < tokens.size(); t++) {
            for (int w = 0; w < settings.workersPerToken(); w++) {
                var token = tokens.get(t);
                long peer = peers[t];
                var thread = new Thread(
                        () -> {
                            await(start);
                            while (System.nanoTime() < window[1]) {
                                long began = System.nanoTime();
                                var outcome = oneCall(client, token, peer);
                                long done = System.nanoTime();
                                if (began < window[0]) {
                                    continue; // warm-up
                                }
                                callTimer.record(done - began, TimeUnit.NANOSECONDS);
                                if (outcome instanceof VkOutcome.Failed<?> failed) {
                                    failures.computeIfAbsent(
                                                    failed.failure().kind() + " "
                                                            + failed.failure().code(),
                                                    k -> new LongAdder())
                                            .increment();
                                } else if (done < window[1]) {
                                    ok.increment();
                                    perSecond.incrementAndGet((int) ((done - window[0]) / 1_000_000_000L));
                                }
                            }
                        },
                        "bench-token" + t + "-worker" + w);
                threads.add(thread);
                thread.start();
            }
        }
        window[0] = System.nanoTime() + settings.warmup().toNanos();
        window[1] = window[0] + settings.duration().toNanos();
        start.countDown();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, window[0] - System.nanoTime()));
        var atWindow = emulator.stats();
        meters.startMeasuring();
        for (var thread : threads) {
            thread.join();
        }
        var series = new long[seconds];
        for (int i = 0; i < seconds; i++) {
            series[i] = perSecond.get(i);
        }
        var failureCounts = new TreeMap<String, Long>();
        failures.forEach((key, count) -> failureCounts.put(key, count.sum()));
        long failed = failureCounts.values().stream().mapToLong(Long::longValue).sum();
        return new Measured(ok.sum(), failed, failureCounts, series, BenchResult.Latency.of(callTimer), atWindow);
    }

    /** The mix of a sync run: check chats, read members, post lesson links (fresh random_id each). */
    private VkOutcome<?> oneCall(VkClient client, CommunityToken token, long peer) {
        int dice = ThreadLocalRandom.current().nextInt(10);
        if (dice < 4) {
            return client.call(token, VkConversations.GetConversationsById.of(peer));
        }
        if (dice < 7) {
            return client.call(token, VkConversations.GetConversationMembers.of(peer));
        }
        return client.call(
                token, VkMessages.SendToPeers.of(peer, randomIds.incrementAndGet(), "Lesson link for the bench"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The client's meters go to a throwaway registry during warm-up, then to the two measured views. */
    private record Meters(
            CompositeMeterRegistry all,
            SimpleMeterRegistry warmup,
            SimpleMeterRegistry overall,
            SimpleMeterRegistry byMethod) {

        void startMeasuring() {
            all.add(overall);
            all.add(byMethod);
            all.remove(warmup);
        }
    }

    /** Two views of the client's {@code sferum.vk.requests}: all methods together, and per method. */
    private static Meters meters() {
        var percentiles = new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(
                    io.micrometer.core.instrument.Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder()
                        .percentiles(0.5, 0.95, 0.99)
                        .expiry(Duration.ofHours(1))
                        .bufferLength(1)
                        .build()
                        .merge(config);
            }
        };
        var overall = new SimpleMeterRegistry();
        overall.config()
                .meterFilter(MeterFilter.ignoreTags("method", "outcome", "token"))
                .meterFilter(percentiles);
        var byMethod = new SimpleMeterRegistry();
        byMethod.config()
                .meterFilter(MeterFilter.ignoreTags("outcome", "token"))
                .meterFilter(percentiles);
        var warmup = new SimpleMeterRegistry();
        var all = new CompositeMeterRegistry();
        all.add(warmup);
        return new Meters(all, warmup, overall, byMethod);
    }

    private static BenchResult.Latency latency(MeterRegistry registry, List<Tag> tags) {
        return BenchResult.Latency.of(
                registry.get("sferum.vk.requests").tags(tags).timer());
    }

    private static Map<String, BenchResult.Latency> perMethodLatency(MeterRegistry registry) {
        var result = new TreeMap<String, BenchResult.Latency>();
        registry.get("sferum.vk.requests").timers().forEach(timer -> {
            var method = timer.getId().getTag("method");
            if (method != null) {
                result.put(method, BenchResult.Latency.of(timer));
            }
        });
        return result;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
