package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone emulator with {@code --state} in a separate JVM, under a stream of changing requests from many
 * clients, killed with SIGKILL (kill -9) at three moments and started again on the same file each time: every change
 * that was answered before a kill is in the state afterwards, nothing is there twice, and the file always loads.
 */
class StateFileCrashTests {

    private static final int COMMUNITIES = 12;
    private static final long FIRST_COMMUNITY = 229_000_001L;
    private static final Pattern LISTENING = Pattern.compile("VK emulator listening on (http://\\S+)");

    @TempDir
    Path directory;

    /** An answered request: a chat created (with its title) or a message sent (text = random_id). */
    private record Acknowledged(long community, long chatId, String title, long randomId) {}

    private final List<Acknowledged> acknowledged = new ArrayList<>();
    private final AtomicLong randomIds = new AtomicLong();

    @Test
    void keepsEveryAnsweredChangeThroughKillNine() throws Exception {
        var seed = directory.resolve("seed.json");
        Files.write(seed, Json.bytes(seed()));
        var state = directory.resolve("state.json");
        int[] killAfter = {150, 400, 700};
        long started = System.nanoTime();
        for (int round = 0; round < killAfter.length; round++) {
            runAndKill(seed, state, killAfter[round], round);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        try (var vk = VkEmulator.start(
                EmulatorConfig.builder().seed(seed()).stateFile(state).build())) {
            var chats = vk.chats();
            int found = 0;
            for (var ack : acknowledged) {
                var chat = chats.stream()
                        .filter(c ->
                                c.ownerId() == -ack.community() && c.localIds().get(-ack.community()) == ack.chatId())
                        .findFirst();
                assertThat(chat)
                        .as("chat %d of community %d", ack.chatId(), ack.community())
                        .isPresent();
                if (ack.randomId() == 0) {
                    assertThat(chat.get().title()).isEqualTo(ack.title());
                } else {
                    assertThat(chat.get().textMessages())
                            .as("message %d", ack.randomId())
                            .filteredOn(m -> m.randomId() == ack.randomId())
                            .singleElement()
                            .satisfies(m -> assertThat(m.text()).isEqualTo("message " + ack.randomId()));
                }
                found++;
            }
            var messages =
                    chats.stream().mapToLong(c -> c.textMessages().size()).sum();
            System.out.printf(
                    "kill -9 test: %d rounds in %d s, %d changes answered before the kills, %d found after restart;"
                            + " %d chats and %d messages in the file (%d bytes)%n",
                    killAfter.length, seconds, acknowledged.size(), found, chats.size(), messages, Files.size(state));
            assertThat(found).isEqualTo(acknowledged.size()).isGreaterThanOrEqualTo(700);
        }
    }

    /** Starts the program, streams changes from one client per community, kills it after {@code killAfter} answers. */
    private void runAndKill(Path seed, Path state, int killAfter, int round) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--port",
                        "0",
                        "--seed",
                        seed.toString(),
                        "--state",
                        state.toString())
                .redirectErrorStream(true)
                .start();
        try {
            var baseUrl = baseUrl(process);
            var answered = new AtomicInteger();
            var enough = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(COMMUNITIES);
            var roundAcks = new ConcurrentHashMap<Acknowledged, Boolean>();
            for (int c = 0; c < COMMUNITIES; c++) {
                long community = FIRST_COMMUNITY + c;
                pool.execute(() -> stream(baseUrl, community, round, answered, killAfter, enough, roundAcks));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS))
                    .as("answers before the kill")
                    .isTrue();
            process.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no final save
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            synchronized (acknowledged) {
                acknowledged.addAll(roundAcks.keySet());
            }
        } finally {
            process.destroyForcibly();
        }
    }

    /** One community's client: a chat, then messages to it, a new chat every tenth request, until the kill. */
    private void stream(
            String baseUrl,
            long community,
            int round,
            AtomicInteger answered,
            int killAfter,
            CountDownLatch enough,
            ConcurrentHashMap<Acknowledged, Boolean> acks) {
        var http = new VkHttp(baseUrl);
        var token = token(community);
        long chatId = 0;
        var spacing = Duration.ofMillis(55); // under VK's 20 requests/s per community token
        for (int i = 0; ; i++) {
            try {
                Thread.sleep(spacing.toMillis()); // pacing a client to a rate limit, not waiting for a condition
                if (i % 10 == 0) {
                    var title = "chat " + community + "-" + round + "-" + i;
                    var answer = http.call("messages.createChat", token, "title", title);
                    if (!succeeded(answer)) {
                        continue;
                    }
                    chatId = answer.path("response").path("chat_id").asLong();
                    acks.put(new Acknowledged(community, chatId, title, 0), true);
                } else {
                    long randomId = randomIds.incrementAndGet() + 1_000_000L * round;
                    var answer = http.call(
                            "messages.send",
                            token,
                            "peer_id",
                            String.valueOf(Chat.PEER_BASE + chatId),
                            "random_id",
                            String.valueOf(randomId),
                            "message",
                            "message " + randomId);
                    if (!succeeded(answer)) {
                        continue;
                    }
                    acks.put(new Acknowledged(community, chatId, "", randomId), true);
                }
                if (answered.incrementAndGet() >= killAfter) {
                    enough.countDown();
                }
            } catch (UncheckedIOException | InterruptedException killed) {
                return; // the process is gone: this request got no answer
            }
        }
    }

    /** True for an answer; false for error 6 (a burst over the rate limit: nothing was done, go on). */
    private static boolean succeeded(tools.jackson.databind.JsonNode answer) {
        if (answer.has("response")) {
            return true;
        }
        if (answer.path("error").path("error_code").asInt() == 6) {
            return false;
        }
        throw new AssertionError(answer.toString());
    }

    private static String baseUrl(Process process) throws Exception {
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            var matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                var drain = new Thread(() -> out.lines().forEach(ignored -> {}));
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new AssertionError("the emulator did not start: exit " + process.waitFor());
    }

    private static Seed seed() {
        var communities = new ArrayList<Seed.Community>();
        for (int c = 0; c < COMMUNITIES; c++) {
            long id = FIRST_COMMUNITY + c;
            communities.add(
                    Seed.Community.of(id, "Школа " + id, null, Seed.Token.of(token(id), CommunityPermission.MESSAGES)));
        }
        return Seed.of(communities, List.of(), List.of());
    }

    private static String token(long community) {
        return "vk1.a.crash-test-community-token-" + community + "-0123456789abcdef";
    }
}
