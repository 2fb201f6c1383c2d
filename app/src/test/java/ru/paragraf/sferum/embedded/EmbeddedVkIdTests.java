package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.vkemulator.VkEmulator;

/** In the embedded default mode the diary's VK ID application is known to the in-process emulator. */
class EmbeddedVkIdTests {

    @TempDir
    Path directory;

    @Test
    void registersTheDiarysVkIdApplicationWithTheEmulatorOnceThePortIsKnown() throws Exception {
        try (var context = new SpringApplicationBuilder(SferumApplication.class)
                .run(
                        "--server.port=0",
                        "--sferum.embedded.database.data-directory=" + directory.resolve("pg"),
                        "--sferum.demo.enabled=false",
                        "--spring.main.banner-mode=off")) {
            var port = context.getEnvironment().getProperty("local.server.port");
            var clientId = context.getEnvironment().getProperty("sferum.vkid.client-id");
            var emulator = context.getBean("vkEmulator", VkEmulator.class);
            var callback = "http://localhost:" + port + "/diary/vkid/callback";

            assertThat(clientId).isEqualTo(EmbeddedVkEmulator.DEFAULT_VKID_CLIENT_ID);
            assertThat(context.getEnvironment().getProperty("sferum.vk.id-url")).isEqualTo(emulator.baseUrl());
            assertThat(emulator.snapshot().clients()).anySatisfy(client -> assertThat(client.redirectUris())
                    .contains(callback, "http://127.0.0.1:" + port + "/diary/vkid/callback"));

            var authorize = emulator.baseUrl() + "/authorize?response_type=code&client_id=" + clientId
                    + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8)
                    + "&state=" + "s".repeat(43)
                    + "&code_challenge=" + "c".repeat(43) + "&code_challenge_method=S256";
            var page = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode())
                    .as("VK ID's login page, not its error page")
                    .isEqualTo(200);
            assertThat(page.body()).contains("vkid-login-form");
        }
    }
}
