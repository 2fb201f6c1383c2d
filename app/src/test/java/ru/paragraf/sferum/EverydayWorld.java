package ru.paragraf.sferum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The VK side of the everyday flow for the diary's links and «Предпросмотр»: a real emulator in-process with school
 * A's Sferum community, VK accounts for teachers A1 and A2, and the diary's VK ID application (MockMvc's callback);
 * plus logging in on VK ID's page over HTTP. Each test class starts its own, so their contexts stay apart.
 */
public final class EverydayWorld {

    public static final long COMMUNITY_A = 227_000_601L;
    public static final String TOKEN_A = "vk1.a.everyday-flow-tests-community-token-of-school-a-9d2e";
    public static final long TEACHER_A1_VK = 700_400_001L, TEACHER_A2_VK = 700_400_002L;
    public static final String TEACHER_A1_LOGIN = "a1.everyday@vk.test", TEACHER_A1_PASSWORD = "vk-password-a1";
    public static final String TEACHER_A2_LOGIN = "a2.everyday@vk.test", TEACHER_A2_PASSWORD = "vk-password-a2";
    public static final String CLIENT_ID = "51900088";

    public final VkEmulator vk;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private EverydayWorld() {
        vk = VkEmulator.start(EmulatorConfig.builder()
                .seed(Seed.of(
                        List.of(Seed.Community.of(
                                COMMUNITY_A,
                                "Школа A — Сферум",
                                "school_a_everyday",
                                Seed.Token.of(TOKEN_A, CommunityPermission.MESSAGES, CommunityPermission.MANAGE))),
                        List.of(
                                Seed.User.of(TEACHER_A1_VK, "Пётр", "Учителев", TEACHER_A1_LOGIN, TEACHER_A1_PASSWORD),
                                Seed.User.of(
                                        TEACHER_A2_VK, "Мария", "Словесникова", TEACHER_A2_LOGIN, TEACHER_A2_PASSWORD)),
                        List.of(Seed.Client.of(CLIENT_ID, "http://localhost/diary/vkid/callback"))))
                .build());
    }

    public static EverydayWorld start() {
        return new EverydayWorld();
    }

    /** Points the application at this emulator for VK API and VK ID. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", vk::baseUrl);
        registry.add("sferum.vk.id-url", vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> CLIENT_ID);
    }

    /** Logs in on the emulator's VK ID page reached from {@code authorizeUrl}; returns VK's redirect back. */
    public String logIn(String authorizeUrl, String login, String password) {
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
