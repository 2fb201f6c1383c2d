package ru.paragraf.sferum.sync.vk;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.FaultPlan;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * A small Sferum for the client's tests: the real VK emulator on a free port with VK's own rate limits (20/s per
 * community token, 3/s per user token), two schools, a teacher and pupils; and clients configured against it
 * with short backoffs so that retries cost milliseconds.
 */
final class VkWorld implements AutoCloseable {

    static final long SCHOOL = 228000101L;
    static final String SCHOOL_TOKEN = "vk1.a.client-test-school-token-6c1d9e2b7a4f48a6b1c3d2e5f6a7b8c9f3c";
    static final String PHOTOS_ONLY_TOKEN = "vk1.a.client-test-photos-only-token-0a1b2c3d4e5f6a7b8c9d0e1f2a3b";
    static final long OTHER_SCHOOL = 228000202L;
    static final String OTHER_SCHOOL_TOKEN = "vk1.a.client-test-other-school-token-9e8d7c6b5a4f3e2d1c0b9a8f7e6d";

    static final long TEACHER = 700000001L;
    static final long PUPIL = 700000002L;
    static final long PUPIL_2 = 700000003L;

    final VkEmulator emulator;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    VkWorld() {
        emulator = VkEmulator.start(EmulatorConfig.builder().seed(seed()).build());
    }

    static Seed seed() {
        return Seed.of(
                List.of(
                        Seed.Community.of(
                                SCHOOL,
                                "School 101",
                                "school101",
                                Seed.Token.of(SCHOOL_TOKEN, CommunityPermission.MESSAGES, CommunityPermission.MANAGE),
                                Seed.Token.of(PHOTOS_ONLY_TOKEN, CommunityPermission.PHOTOS)),
                        Seed.Community.of(
                                OTHER_SCHOOL,
                                "Gymnasium 202",
                                "gym202",
                                Seed.Token.of(OTHER_SCHOOL_TOKEN, CommunityPermission.MESSAGES))),
                List.of(
                        Seed.User.of(TEACHER, "Anna", "Smirnova", "teacher@school.example", "teacher-password"),
                        Seed.User.of(PUPIL, "Dmitry", "Ivanov", "pupil@school.example", "pupil-password"),
                        Seed.User.of(PUPIL_2, "Olga", "Petrova", "pupil2@school.example", "pupil2-password")),
                List.of());
    }

    /** Back to the seed, no faults, no counters, no meters. */
    void reset() {
        emulator.reset();
        meters.clear();
    }

    CommunityToken school() {
        return new CommunityToken(SCHOOL_TOKEN);
    }

    UserToken userToken(long userId) {
        return new UserToken(emulator.issueUserToken(userId));
    }

    /** Test defaults: backoffs of milliseconds, a 2 s read timeout; {@code overrides} are {@code sferum.vk.*} keys. */
    VkProperties properties(String... overrides) {
        var map = new HashMap<String, String>(Map.of(
                "sferum.vk.api-url", emulator.baseUrl(),
                "sferum.vk.read-timeout", "2s",
                "sferum.vk.retry.initial-backoff", "5ms",
                "sferum.vk.retry.max-backoff", "20ms"));
        for (int i = 0; i < overrides.length; i += 2) {
            map.put("sferum.vk." + overrides[i], overrides[i + 1]);
        }
        return VkProperties.of(map);
    }

    VkClient client(String... overrides) {
        return new VkClient(properties(overrides), meters);
    }

    /**
     * A plan that answers {@code code} to the first {@code failures} calls of {@code method} and lets the next one
     * through: the emulator draws one number per call from {@code Random(seed)} for a rule of rate 0.5, so we pick
     * the seed whose first draws fall that way.
     */
    static FaultPlan failingFirst(int failures, int code, String method) {
        for (long seed = 1; ; seed++) {
            var random = new Random(seed);
            boolean matches = true;
            for (int i = 0; i < failures && matches; i++) {
                matches = random.nextDouble() < 0.5;
            }
            if (matches && random.nextDouble() >= 0.5) {
                return FaultPlan.NONE.withSeed(seed).withError(code, 0.5, method);
            }
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
