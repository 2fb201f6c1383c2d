package ru.paragraf.sferum.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The VK side of the synchronization tests: a real emulator in-process with school A's Sferum community, a VK
 * account for teacher A1, and the diary's VK ID application; plus logging in on VK ID's page over HTTP.
 */
final class SyncWorld {

    static final long COMMUNITY_A = 227_000_501L;
    static final String TOKEN_A = "vk1.a.sync-engine-tests-community-token-of-school-a-7f3c";
    static final long TEACHER_A1_VK = 700_300_001L;
    static final String TEACHER_A1_LOGIN = "uchitelev@vk.test", TEACHER_A1_PASSWORD = "vk-password-a1";
    static final String CLIENT_ID = "51900077";

    final VkEmulator vk;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private SyncWorld(List<Seed.User> others) {
        var users = new java.util.ArrayList<Seed.User>();
        users.add(Seed.User.of(TEACHER_A1_VK, "Пётр", "Учителев", TEACHER_A1_LOGIN, TEACHER_A1_PASSWORD));
        users.addAll(others);
        vk = VkEmulator.start(EmulatorConfig.builder()
                .seed(Seed.of(
                        List.of(Seed.Community.of(
                                COMMUNITY_A,
                                "Школа A — Сферум",
                                "school_a_sferum",
                                Seed.Token.of(TOKEN_A, CommunityPermission.MESSAGES, CommunityPermission.MANAGE))),
                        users,
                        List.of(Seed.Client.of(CLIENT_ID, "http://localhost/diary/vkid/callback"))))
                .build());
    }

    /** Points the application at this emulator: the VK API, VK ID and the VK ID client. */
    void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", vk::baseUrl);
        registry.add("sferum.vk.id-url", vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> CLIENT_ID);
    }

    static SyncWorld start() {
        return new SyncWorld(List.of());
    }

    /** The emulator with VK users besides teacher A1's. */
    static SyncWorld start(Seed.User... others) {
        return new SyncWorld(List.of(others));
    }

    /** Logs in on the emulator's VK ID page reached from {@code authorizeUrl}; returns VK's redirect back. */
    String logIn(String authorizeUrl, String login, String password) {
        var form = "action=login&login=" + encode(login) + "&password=" + encode(password);
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(authorizeUrl))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new AssertionError("VK ID did not redirect back: HTTP " + response.statusCode());
            }
            return response.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
