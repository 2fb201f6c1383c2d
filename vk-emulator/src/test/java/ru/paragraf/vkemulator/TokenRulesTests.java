package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.PHOTOS_ONLY_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRulesTests {

    private final MutableClock clock = new MutableClock();
    private VkEmulator emulator;
    private VkHttp http;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(clock).build());
        http = new VkHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"calls.start", "calls.forceFinish", "messages.addChatUser", "messages.joinChatByInviteLink"})
    void refusesCommunityTokenOnUserOnlyMethods(String method) {
        assertThat(http.errorCode(method, SCHOOL_TOKEN)).isEqualTo(27);
    }

    @Test
    void refusesUserTokenOnCommunityOnlyMethod() {
        var userToken = emulator.issueUserToken(TEACHER);

        var error = http.call("groups.getTokenPermissions", userToken).path("error");

        assertThat(error.path("error_code").asInt()).isEqualTo(15);
        assertThat(error.path("error_msg").asString()).contains("only with group auth");
    }

    @Test
    void refusesMessagesMethodsWithoutMessagesPermission() {
        var error = http.call("messages.createChat", PHOTOS_ONLY_TOKEN, "title", "x")
                .path("error");

        assertThat(error.path("error_code").asInt()).isEqualTo(15);
        assertThat(error.path("error_msg").asString()).isEqualTo("Access denied: no access to call this method");
        assertThat(emulator.chats()).isEmpty();
    }

    @Test
    void usesConfiguredCodeForMissingPermission() {
        emulator.close();
        emulator = VkEmulator.start(
                Fixtures.config(clock).missingPermissionErrorCode(7).build());
        http = new VkHttp(emulator);

        assertThat(http.errorCode("messages.send", PHOTOS_ONLY_TOKEN, "peer_id", "2000000001", "random_id", "1"))
                .isEqualTo(7);
    }

    @Test
    void allowsNonMessagesMethodsWithoutMessagesPermission() {
        assertThat(http.ok("groups.getTokenPermissions", PHOTOS_ONLY_TOKEN)
                        .path("mask")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void refusesUnknownTokens() {
        var error =
                http.call("users.get", "vk1.a.not-a-real-token-000000000000").path("error");

        assertThat(error.path("error_code").asInt()).isEqualTo(5);
        assertThat(error.path("error_msg").asString()).startsWith("User authorization failed");
    }

    @Test
    void refusesMissingToken() {
        assertThat(http.errorCode("users.get", null)).isEqualTo(5);
    }

    @Test
    void refusesRevokedCommunityToken() {
        assertThat(http.call("groups.getById", SCHOOL_TOKEN).has("response")).isTrue();

        assertThat(emulator.revokeToken(SCHOOL_TOKEN)).isTrue();

        assertThat(http.errorCode("groups.getById", SCHOOL_TOKEN)).isEqualTo(5);
    }

    @Test
    void refusesExpiredUserToken() {
        var userToken = emulator.issueUserToken(TEACHER);
        assertThat(http.call("users.get", userToken).has("response")).isTrue();

        clock.advance(Duration.ofSeconds(3600));

        var error = http.call("users.get", userToken).path("error");
        assertThat(error.path("error_code").asInt()).isEqualTo(5);
        assertThat(error.path("error_msg").asString()).contains("access_token has expired");
    }

    @Test
    void reportsExpiryAs1117WhenConfigured() {
        emulator.close();
        emulator = VkEmulator.start(
                Fixtures.config(clock).expiredTokenErrorCode(1117).build());
        http = new VkHttp(emulator);
        var userToken = emulator.issueUserToken(TEACHER);

        clock.advance(Duration.ofHours(2));

        assertThat(http.errorCode("users.get", userToken)).isEqualTo(1117);
    }

    @Test
    void letsUserTokenCallUserOnlyMethods() {
        var userToken = emulator.issueUserToken(TEACHER);

        assertThat(http.ok("calls.start", userToken).path("call_id").asString()).hasSize(36);
    }
}
