package ru.paragraf.sferum.diary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The VK side of the VK ID tests: a real emulator on a free port with its own clock, two test VK accounts and
 * the diary's VK ID application; plus what a person does on VK ID's login page, over HTTP.
 */
final class VkIdWorld {

    static final String CLIENT_ID = "51900042";
    static final long ANNA = 700100001L, BORIS = 700100002L;
    static final String ANNA_LOGIN = "anna@vk.test", ANNA_PASSWORD = "anna-vk-password";
    static final String BORIS_LOGIN = "boris@vk.test", BORIS_PASSWORD = "boris-vk-password";
    /** Where MockMvc's requests come from (http://localhost), so the default redirect URI. */
    static final String MOCK_CALLBACK = "http://localhost/diary/vkid/callback";

    final MutableClock clock = MutableClock.startingNow();
    final VkEmulator vk;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private VkIdWorld() {
        vk = VkEmulator.start(EmulatorConfig.builder()
                .clock(clock)
                .seed(Seed.of(
                        List.of(),
                        List.of(
                                Seed.User.of(ANNA, "Анна", "Смирнова", ANNA_LOGIN, ANNA_PASSWORD),
                                Seed.User.of(BORIS, "Борис", "Петров", BORIS_LOGIN, BORIS_PASSWORD)),
                        List.of(Seed.Client.of(CLIENT_ID, MOCK_CALLBACK))))
                .build());
    }

    static VkIdWorld start() {
        return new VkIdWorld();
    }

    void resetClock() {
        clock.set(Instant.now());
    }

    /** Logs in on the emulator's VK ID page reached from {@code authorizeUrl}; returns VK's redirect back. */
    String logIn(String authorizeUrl, String login, String password) {
        return submit(authorizeUrl, "action=login&login=" + encode(login) + "&password=" + encode(password));
    }

    /** Presses «Отмена» on the emulator's VK ID page; returns VK's redirect back. */
    String cancel(String authorizeUrl) {
        return submit(authorizeUrl, "action=cancel");
    }

    /** Calls VK ID's user_info with a token: 200 while the token works, 401 once it is revoked or expired. */
    int userInfoStatus(String accessToken) {
        return post("/oauth2/user_info", "client_id=" + CLIENT_ID + "&access_token=" + encode(accessToken))
                .statusCode();
    }

    /** Ends the authorization of this token at VK ID, as the teacher would in VK's settings. */
    void revokeAtVk(String accessToken) {
        post("/oauth2/revoke", "client_id=" + CLIENT_ID + "&access_token=" + encode(accessToken));
    }

    private String submit(String authorizeUrl, String form) {
        var response = send(HttpRequest.newBuilder(URI.create(authorizeUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (response.statusCode() != 302) {
            throw new AssertionError("VK ID did not redirect back: HTTP " + response.statusCode());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(vk.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
