package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.paragraf.sferum.diary.VkIdTamperingTests.parameter;
import static ru.paragraf.sferum.diary.VkIdWorld.*;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/** The VK ID client against the real emulator: each endpoint, and VK ID's errors as typed failures. */
class VkIdClientTests {

    static final VkIdWorld WORLD = VkIdWorld.start();

    final VkIdClient client = client(CLIENT_ID, WORLD.vk.baseUrl());

    @Test
    void exchangesTheCodeWithItsVerifierAndReadsTheUser() {
        var verifier = Pkce.newVerifier();
        var state = Pkce.newState();
        var callback = WORLD.logIn(
                client.authorizeUri(state, Pkce.challenge(verifier), MOCK_CALLBACK)
                        .toString(),
                ANNA_LOGIN,
                ANNA_PASSWORD);
        assertThat(parameter(callback, "state")).isEqualTo(state);

        var tokens = client.exchange(new AuthorizationCodeGrant(
                parameter(callback, "code"), verifier, parameter(callback, "device_id"), MOCK_CALLBACK, state));

        assertThat(tokens.userId()).isEqualTo(ANNA);
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        assertThat(client.userInfo(tokens.accessToken()).userId()).isEqualTo(ANNA);
    }

    @Test
    void refusesACodeWithAnotherVerifierAsInvalidGrant() {
        var code = codeFor(Pkce.newVerifier());

        assertThatThrownBy(() -> client.exchange(new AuthorizationCodeGrant(
                        code[0], Pkce.newVerifier(), code[1], MOCK_CALLBACK, Pkce.newState())))
                .isInstanceOfSatisfying(VkIdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VkIdException.Kind.REJECTED);
                    assertThat(e.invalidGrant()).isTrue();
                    assertThat(e.getMessage()).contains("invalid_grant").doesNotContain(code[0]);
                });
    }

    @Test
    void refreshesAndRevokes() {
        var verifier = Pkce.newVerifier();
        var code = codeFor(verifier);
        var tokens =
                client.exchange(new AuthorizationCodeGrant(code[0], verifier, code[1], MOCK_CALLBACK, Pkce.newState()));

        var refreshed = client.refresh(new RefreshTokenGrant(tokens.refreshToken(), code[1], Pkce.newState()));
        assertThat(refreshed.refreshToken()).as("rotated").isNotEqualTo(tokens.refreshToken());
        assertThatThrownBy(() -> client.refresh(new RefreshTokenGrant(tokens.refreshToken(), code[1], Pkce.newState())))
                .isInstanceOfSatisfying(
                        VkIdException.class, e -> assertThat(e.invalidGrant()).isTrue());

        client.revoke(refreshed.accessToken());
        assertThatThrownBy(() -> client.userInfo(refreshed.accessToken()))
                .isInstanceOfSatisfying(
                        VkIdException.class, e -> assertThat(e.error()).isEqualTo("invalid_token"));
    }

    @Test
    void reportsAnUnknownClient() {
        assertThatThrownBy(() -> client("no-such-client", WORLD.vk.baseUrl()).userInfo("token"))
                .isInstanceOfSatisfying(
                        VkIdException.class, e -> assertThat(e.error()).isEqualTo("invalid_client"));
    }

    @Test
    void recognisesErrorsThatComeWithHttp200() {
        try (var vk = VkEmulator.start(EmulatorConfig.builder()
                .oauthErrorsAsHttp200(true)
                .seed(Seed.of(
                        java.util.List.of(),
                        java.util.List.of(),
                        java.util.List.of(Seed.Client.of(CLIENT_ID, MOCK_CALLBACK))))
                .build())) {
            assertThatThrownBy(() -> client(CLIENT_ID, vk.baseUrl()).userInfo("not-a-token"))
                    .isInstanceOfSatisfying(
                            VkIdException.class, e -> assertThat(e.error()).isEqualTo("invalid_token"));
        }
    }

    @Test
    void reportsAnUnreachableVkIdWithoutWaitingLong() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() ->
                        client(CLIENT_ID, "http://127.0.0.1:" + closedPort).userInfo("token"))
                .isInstanceOfSatisfying(
                        VkIdException.class, e -> assertThat(e.kind()).isEqualTo(VkIdException.Kind.UNREACHABLE));
    }

    /** [code, device_id] of a completed login at VK ID for this verifier. */
    private String[] codeFor(String verifier) {
        var callback = WORLD.logIn(
                client.authorizeUri(Pkce.newState(), Pkce.challenge(verifier), MOCK_CALLBACK)
                        .toString(),
                BORIS_LOGIN,
                BORIS_PASSWORD);
        return new String[] {parameter(callback, "code"), parameter(callback, "device_id")};
    }

    static VkIdClient client(String clientId, String idUrl) {
        return new VkIdClient(
                new VkIdProperties(
                        clientId,
                        null,
                        "vkid.personal_info",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(10)),
                new VkIdEndpoint(URI.create(idUrl)));
    }
}
