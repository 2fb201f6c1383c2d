package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file at the demo's size and at a thousand chats: everything comes back after a restart, and the figures
 * (save time, answer time of a change, file size, start time) are printed for docs/reliability.md.
 */
class StateFileScaleTests {

    private static final long FIRST_COMMUNITY = 229_500_001L;
    private static final long FIRST_USER = 719_000_001L;

    @TempDir
    Path directory;

    private final AtomicLong randomIds = new AtomicLong();

    @Test
    void remembersTheDemoBuiltThroughTheApi() throws Exception {
        // 3 schools, a VK account per demo teacher (about 110), a day of subject chats with their classes
        var file = directory.resolve("state.json");
        var config = config(3, 110).stateFile(file).build();
        List<EmulatorSnapshot.Chat> chats;
        try (var vk = VkEmulator.start(config)) {
            long started = System.nanoTime();
            populate(vk, 3, 110, 30, 3);
            double seconds = (System.nanoTime() - started) / 1e9;
            var built = vk.saveTimes();
            System.out.printf(
                    "state file figures, demo built through the API: %d changes in %.1f s from 16 clients, %d saves%n",
                    30 * 4, seconds, built.saves());
            chats = measureAtFullSize("demo", vk);
        }
        try (var again = VkEmulator.start(config)) {
            assertThat(again.chats()).hasSize(30).isEqualTo(chats);
        }
    }

    @Test
    void remembersAThousandChats() throws Exception {
        // built in memory first: 4,000 changes saved one group at a time would take a minute of this test
        var file = directory.resolve("state.json");
        try (var vk = VkEmulator.start(config(20, 600).build())) {
            populate(vk, 20, 600, 1000, 3);
            Files.write(file, Json.bytes(vk.saved()));
        }
        var config = config(20, 600).stateFile(file).build();
        List<EmulatorSnapshot.Chat> chats;
        long loadStarted = System.nanoTime();
        try (var vk = VkEmulator.start(config)) {
            System.out.printf(
                    "state file figures, 1,000 chats: start with the file %.0f ms%n",
                    (System.nanoTime() - loadStarted) / 1e6);
            assertThat(vk.chats()).hasSize(1000);
            chats = measureAtFullSize("1,000 chats", vk);
        }
        try (var again = VkEmulator.start(config)) {
            assertThat(again.chats()).isEqualTo(chats);
        }
    }

    /** One client's changes at full size: a save each; returns the chats as they are then. */
    private List<EmulatorSnapshot.Chat> measureAtFullSize(String name, VkEmulator vk) {
        var http = new VkHttp(vk);
        for (int i = 0; i < 20; i++) {
            send(http, FIRST_COMMUNITY, 1); // warm-up: the JIT compiles the save path
        }
        var before = vk.saveTimes();
        int sends = 20;
        long started = System.nanoTime();
        for (int i = 0; i < sends; i++) {
            send(http, FIRST_COMMUNITY, 1);
        }
        double sendMillis = (System.nanoTime() - started) / 1e6 / sends;
        var saves = vk.saveTimes().since(before);
        var chats = vk.chats();
        System.out.printf(
                "state file figures, %s: %d chats, %d messages, file %,d bytes; a save takes %.1f ms (%.2f ms of it"
                        + " copying under the lock) and %.1f ms of CPU; one client's messages.send answers in %.1f ms%n",
                name,
                chats.size(),
                chats.stream().mapToLong(c -> c.messages().size()).sum(),
                saves.lastBytes(),
                saves.meanCopyMillis() + saves.meanWriteMillis(),
                saves.meanCopyMillis(),
                saves.meanCpuMillis(),
                sendMillis);
        assertThat(saves.saves()).as("a save per sequential change").isEqualTo(sends);
        return chats;
    }

    private static EmulatorConfig.Builder config(int communities, int users) {
        return EmulatorConfig.builder().seed(seed(communities, users)).communityRequestsPerSecond(100_000);
    }

    /** Creates the chats (each with up to 27 users) and their messages from 16 concurrent clients. */
    private void populate(VkEmulator vk, int communities, int users, int chats, int messagesPerChat) throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        try {
            var jobs = new ArrayList<Callable<Void>>();
            for (int c = 0; c < communities; c++) {
                long community = FIRST_COMMUNITY + c;
                int first = c;
                jobs.add(() -> {
                    var http = new VkHttp(vk);
                    for (int chat = first; chat < chats; chat += communities) {
                        var members = new StringJoiner(",");
                        for (int m = 0; m < Math.min(27, users); m++) {
                            members.add(String.valueOf(FIRST_USER + (chat * 7L + m) % users));
                        }
                        long chatId = http.ok(
                                        "messages.createChat",
                                        token(community),
                                        "title",
                                        "Предмет " + chat,
                                        "user_ids",
                                        members.toString())
                                .path("chat_id")
                                .asLong();
                        for (int i = 0; i < messagesPerChat; i++) {
                            send(http, community, chatId);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> job : pool.invokeAll(jobs)) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void send(VkHttp http, long community, long chatId) {
        http.ok(
                "messages.send",
                token(community),
                "peer_id",
                String.valueOf(Chat.PEER_BASE + chatId),
                "random_id",
                String.valueOf(randomIds.incrementAndGet()),
                "message",
                "Видеоурок по расписанию: ссылка на звонок в дневнике");
    }

    private static Seed seed(int communities, int users) {
        var communityList = new ArrayList<Seed.Community>();
        for (int c = 0; c < communities; c++) {
            long id = FIRST_COMMUNITY + c;
            communityList.add(Seed.Community.of(
                    id,
                    "ГБОУ школа № " + (100 + c) + " — Сферум",
                    null,
                    Seed.Token.of(token(id), CommunityPermission.MESSAGES)));
        }
        var userList = new ArrayList<Seed.User>();
        for (int u = 0; u < users; u++) {
            long id = FIRST_USER + u;
            userList.add(Seed.User.of(id, "Имя" + u, "Фамилия" + u, "teacher" + u + "@vk.demo", "vk-demo"));
        }
        return Seed.of(communityList, userList, List.of());
    }

    private static String token(long community) {
        return "vk1.a.scale-test-community-token-" + community + "-0123456789abcdef0123456789";
    }
}
