package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The in-process VK emulator of the embedded default remembers what VK would in {@code vk-emulator/state.json}
 * beside the database: created on the first start in an empty folder, loaded at the next start, and a file it
 * cannot read stops the start with a report instead of being overwritten.
 */
class EmbeddedVkEmulatorTests {

    private static final long COMMUNITY = 227_990_001L;
    private static final String TOKEN = "vk1.a.embedded-emulator-test-token-0123456789abcdefghijklmnopqrstuvwxyz";

    @TempDir
    Path directory;

    @Test
    void remembersChatsAndSeedingAcrossARestartBesideTheDatabase() throws Exception {
        var stateFile = directory.resolve("vk-emulator/state.json");
        try (var first = start()) {
            assertThat(stateFile)
                    .as("created at the first start in an empty folder")
                    .exists();
            var vk = first.getBean("vkEmulator", VkEmulator.class);
            vk.addCommunity(Seed.Community.of(
                    COMMUNITY, "ГБОУ школа № 990 — Сферум", null, Seed.Token.of(TOKEN, CommunityPermission.MESSAGES)));
            var created = createChat(vk, "Алгебра 7А");
            assertThat(created).contains("\"chat_id\":1");
        }
        try (var second = start()) {
            var vk = second.getBean("vkEmulator", VkEmulator.class);
            assertThat(vk.snapshot().communities())
                    .extracting(EmulatorSnapshot.Community::id)
                    .as(
                            "seeded from Java without waiting: saved by the next save, at the latest when the context closed")
                    .contains(COMMUNITY);
            assertThat(vk.chats()).extracting(EmulatorSnapshot.Chat::title).containsExactly("Алгебра 7А");
            assertThat(createChat(vk, "Геометрия 7А")).contains("\"chat_id\":2");
        }
        assertThat(Files.readString(stateFile)).contains("Геометрия 7А");
    }

    @Test
    void refusesADamagedStateFileWithAReportSayingHowToStartAfresh() throws Exception {
        var stateFile =
                Files.createDirectories(directory.resolve("vk-emulator")).resolve("state.json");
        Files.writeString(stateFile, "{\"format\": 1, \"communities\": [");

        assertThatThrownBy(this::start).satisfies(failure -> {
            var analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains(stateFile.toString(), "is damaged");
            assertThat(analysis.getAction())
                    .contains("delete it to start the in-process VK afresh", EmbeddedVkEmulator.STATE_FILE);
        });
        assertThat(Files.readString(stateFile)).as("left alone").isEqualTo("{\"format\": 1, \"communities\": [");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SferumApplication.class)
                .run(
                        "--server.port=0",
                        "--sferum.embedded.database.data-directory=" + directory.resolve("pg"),
                        "--sferum.demo.enabled=false",
                        "--spring.main.banner-mode=off");
    }

    private static String createChat(VkEmulator vk, String title) throws Exception {
        var form = "title=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(vk.apiUrl() + "messages.createChat"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form + "&v=5.199&access_token=" + TOKEN))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
