package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.BOT_NAME;
import static ru.paragraf.maxemulator.Fixtures.PUPIL;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --state FILE}: chats, members, messages, pending updates and the marker survive a restart and a kill -9. */
class StateFileTests {

    @TempDir
    Path directory;

    @Test
    void aRestartKeepsChatsMessagesPendingUpdatesAndTheMarker() {
        var file = directory.resolve("max/state.json");
        long chat;
        String mid;
        long marker;
        try (var max = MaxEmulator.start(Fixtures.config().stateFile(file).build())) {
            var http = new MaxHttp(max.baseUrl());
            chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES, ChatPermission.PIN_MESSAGE);
            max.addMember(chat, TEACHER, PUPIL);
            mid = http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Урок в 10:00\"}")
                    .ok()
                    .path("message")
                    .path("body")
                    .path("mid")
                    .asString();
            http.put(TOKEN, "/chats/" + chat + "/pin", "{\"message_id\":\"" + mid + "\"}")
                    .ok();
            marker = http.get(TOKEN, "/updates?timeout=0").ok().path("marker").asLong();
            http.get(TOKEN, "/updates?timeout=0&marker=" + marker).ok(); // acknowledges bot_added, user_added
            max.sendMessage(chat, PUPIL, "Я приду"); // pending, not acknowledged
        }

        try (var max = MaxEmulator.start(Fixtures.config().stateFile(file).build())) {
            var http = new MaxHttp(max.baseUrl());
            var restored = max.chat(chat);
            assertThat(restored.memberIds()).containsExactly(TEACHER, BOT, PUPIL);
            assertThat(restored.texts()).containsExactly("Урок в 10:00", "Я приду");
            assertThat(restored.pinnedMid()).isEqualTo(mid);
            var updates = http.get(TOKEN, "/updates?timeout=0").ok();
            assertThat(UpdatesTests.types(updates)).containsExactly("message_created");
            assertThat(updates.path("marker").asLong()).isEqualTo(marker + 1);
            assertThat(http.get(TOKEN, "/messages/" + mid)
                            .ok()
                            .path("body")
                            .path("text")
                            .asString())
                    .isEqualTo("Урок в 10:00");
            var next = max.createChat(TEACHER, "Новый чат");
            assertThat(next).as("chat ids continue").isEqualTo(chat - 1);
        }
    }

    @Test
    void twoEmulatorsCannotShareAFile() {
        var file = directory.resolve("state.json");
        try (var first = MaxEmulator.start(Fixtures.config().stateFile(file).build())) {
            assertThatThrownBy(() ->
                            MaxEmulator.start(Fixtures.config().stateFile(file).build()))
                    .hasMessageContaining("in use");
        }
    }

    /** A separate JVM runs Main with --state; kill -9 after answers; a new emulator has everything answered. */
    @Test
    void survivesAKillNine() throws Exception {
        var file = directory.resolve("state.json");
        var seedFile = directory.resolve("seed.json");
        Files.writeString(seedFile, Json.MAPPER.writeValueAsString(Fixtures.seed()));
        var port = freePort();
        var process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--port",
                        Integer.toString(port),
                        "--seed",
                        seedFile.toString(),
                        "--state",
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("out.log").toFile())
                .start();
        long chat;
        try {
            var http = new MaxHttp("http://127.0.0.1:" + port);
            awaitUp(http);
            chat = http.post(null, "/_emulator/chats", "{\"owner_id\":" + TEACHER + ",\"title\":\"9А История\"}")
                    .ok()
                    .path("chat_id")
                    .asLong();
            http.post(
                            null,
                            "/_emulator/chats/" + chat + "/bots",
                            "{\"by_user_id\":" + TEACHER + ",\"bot_id\":" + BOT + "}")
                    .ok();
            http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Перед падением\"}")
                    .ok();
            http.post(
                            null,
                            "/_emulator/deep-links",
                            "{\"user_id\":" + PUPIL + ",\"link\":\"https://max.ru/" + BOT_NAME + "?start=p1\"}")
                    .ok();
        } finally {
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        try (var max = MaxEmulator.start(Fixtures.config().stateFile(file).build())) {
            assertThat(max.chat(chat).texts()).containsExactly("Перед падением");
            var updates =
                    new MaxHttp(max.baseUrl()).get(TOKEN, "/updates?timeout=0").ok();
            assertThat(UpdatesTests.types(updates)).containsExactly("bot_added", "bot_started");
            assertThat(updates.path("updates").get(1).path("payload").asString())
                    .isEqualTo("p1");
        }
    }

    private static void awaitUp(MaxHttp http) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                http.get(null, "/_emulator/stats");
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the emulator process did not start", notYet);
                }
                Thread.sleep(50); // polling with a deadline
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
