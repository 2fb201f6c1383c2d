package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.CLIENT_ID;
import static ru.paragraf.vkemulator.Fixtures.REDIRECT_URI;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;
import static ru.paragraf.vkemulator.Fixtures.TEACHER_LOGIN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER_PASSWORD;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VkIdFlowTests {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final MutableClock clock = new MutableClock();
    private VkEmulator emulator;
    private VkHttp http;
    private String verifier;
    private String state;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(clock).build());
        http = new VkHttp(emulator);
        verifier = random(48);
        state = random(32);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void linksAVkIdEndToEnd() {
        var page = http.get(authorizeUrl(REDIRECT_URI));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"login\"", "id=\"password\"", "id=\"submit\"", "id=\"cancel\"", "Войти", "Отмена");

        var redirect = submitLogin(page, TEACHER_LOGIN, TEACHER_PASSWORD, "login");
        assertThat(redirect.statusCode()).isEqualTo(302);
        var location = location(redirect);
        assertThat(location).startsWith(REDIRECT_URI + "?");
        var answer = query(location);
        assertThat(answer).containsKeys("code", "device_id", "expires_in").containsEntry("state", state);
        assertThat(answer).containsEntry("type", "code_v2");

        var tokens = exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI);
        assertThat(tokens.statusCode()).isEqualTo(200);
        var body = VkHttp.json(tokens);
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.path("user_id").asLong()).isEqualTo(TEACHER);
        assertThat(body.path("state").asString()).isEqualTo(state);
        assertThat(body.path("scope").asString()).isEqualTo("vkid.personal_info email");
        assertThat(body.path("refresh_token").asString()).isNotEmpty();
        assertThat(body.path("id_token").asString().split("\\.")).hasSize(3);
        var accessToken = body.path("access_token").asString();

        var info = VkHttp.json(
                http.post("/oauth2/user_info", VkHttp.pairs("access_token", accessToken, "client_id", CLIENT_ID)));
        assertThat(info.path("user").path("user_id").isString()).isTrue();
        assertThat(info.path("user").path("user_id").asString()).isEqualTo(String.valueOf(TEACHER));
        assertThat(info.path("user").path("first_name").asString()).isEqualTo("Анна");
        assertThat(info.path("user").has("avatar")).isTrue();

        assertThat(http.ok("users.get", accessToken).get(0).path("id").asLong()).isEqualTo(TEACHER);
        assertThat(http.ok("calls.start", accessToken).path("join_link").asString())
                .startsWith("https://vk.com/call/join/");
    }

    @Test
    void showsLoginPageAgainWithRussianErrorOnWrongPassword() {
        var page = http.get(authorizeUrl(REDIRECT_URI));

        var again = submitLogin(page, TEACHER_LOGIN, "wrong", "login");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(again.body()).contains("id=\"error\"", "Неверный логин или пароль");
    }

    @Test
    void cancelRedirectsWithAccessDenied() {
        var redirect = submitLogin(http.get(authorizeUrl(REDIRECT_URI)), "", "", "cancel");

        var answer = query(location(redirect));
        assertThat(answer)
                .containsEntry("error", "access_denied")
                .containsEntry("state", state)
                .containsKey("error_description")
                .doesNotContainKey("code");
    }

    @Test
    void neverRedirectsToAnUnregisteredRedirectUri() {
        var response = http.get(authorizeUrl("https://evil.example/callback"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Недопустимый адрес возврата");
    }

    @Test
    void showsErrorPageForUnknownClient() {
        var response = http.get(authorizeUrl(REDIRECT_URI).replace("client_id=" + CLIENT_ID, "client_id=1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Приложение не найдено");
    }

    @Test
    void redirectsWithInvalidRequestForShortState() {
        state = "short";

        var answer = query(location(http.get(authorizeUrl(REDIRECT_URI))));

        assertThat(answer).containsEntry("error", "invalid_request").containsEntry("state", "short");
    }

    @Test
    void refusesWrongVerifier() {
        var answer = login();

        var response = exchange(answer.get("code"), random(48), answer.get("device_id"), REDIRECT_URI);

        assertOAuthError(response, 400, "invalid_grant");
        assertThat(VkHttp.json(response).path("state").asString()).isEqualTo(state);
    }

    @Test
    void refusesMalformedVerifier() {
        var answer = login();

        assertOAuthError(
                exchange(answer.get("code"), "too-short", answer.get("device_id"), REDIRECT_URI),
                400,
                "invalid_request");
    }

    @Test
    void refusesReusedCodeAndRevokesWhatItIssued() {
        var answer = login();
        var first = VkHttp.json(exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI));
        var accessToken = first.path("access_token").asString();
        assertThat(http.call("users.get", accessToken).has("response")).isTrue();

        var second = exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI);

        assertOAuthError(second, 400, "invalid_grant");
        assertThat(http.errorCode("users.get", accessToken)).isEqualTo(5);
    }

    @Test
    void refusesRedirectUriDifferentFromTheAuthorizationRequest() {
        var answer = login();

        assertOAuthError(
                exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI + "/other"),
                400,
                "invalid_grant");
    }

    @Test
    void refusesWrongDeviceId() {
        var answer = login();

        assertOAuthError(exchange(answer.get("code"), verifier, "another-device", REDIRECT_URI), 400, "invalid_grant");
    }

    @Test
    void refusesExpiredCode() {
        var answer = login();

        clock.advance(Duration.ofSeconds(601));

        var response = exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI);
        assertOAuthError(response, 400, "invalid_grant");
        assertThat(VkHttp.json(response).path("error_description").asString()).contains("expired");
    }

    @Test
    void refusesUnknownClientAtTokenEndpoint() {
        var answer = login();
        var form = exchangeForm(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI);
        form.put("client_id", "999");

        assertOAuthError(http.post("/oauth2/auth", form), 401, "invalid_client");
    }

    @Test
    void refusesUnsupportedGrantType() {
        assertOAuthError(
                http.post("/oauth2/auth", VkHttp.pairs("grant_type", "password", "client_id", CLIENT_ID)),
                400,
                "unsupported_grant_type");
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        var answer = login();
        var tokens = VkHttp.json(exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI));
        var refreshToken = tokens.path("refresh_token").asString();

        var refreshed = refresh(refreshToken, answer.get("device_id"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        var body = VkHttp.json(refreshed);
        assertThat(body.path("access_token").asString())
                .isNotEqualTo(tokens.path("access_token").asString());
        assertThat(body.path("refresh_token").asString()).isNotEqualTo(refreshToken);
        assertThat(http.ok("users.get", body.path("access_token").asString())
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(TEACHER);

        assertOAuthError(refresh(refreshToken, answer.get("device_id")), 400, "invalid_grant");
    }

    @Test
    void refusesBadRefreshToken() {
        assertOAuthError(refresh("vk2.r.not-a-refresh-token", "device"), 400, "invalid_grant");
    }

    @Test
    void revokeStopsTheTokenAndItsRefreshToken() {
        var answer = login();
        var tokens = VkHttp.json(exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI));
        var accessToken = tokens.path("access_token").asString();

        var revoked = http.post("/oauth2/revoke", VkHttp.pairs("access_token", accessToken, "client_id", CLIENT_ID));

        assertThat(VkHttp.json(revoked).path("response").asInt()).isEqualTo(1);
        assertThat(http.errorCode("users.get", accessToken)).isEqualTo(5);
        assertOAuthError(
                http.post("/oauth2/user_info", VkHttp.pairs("access_token", accessToken, "client_id", CLIENT_ID)),
                401,
                "invalid_token");
        assertOAuthError(
                refresh(tokens.path("refresh_token").asString(), answer.get("device_id")), 400, "invalid_grant");
    }

    @Test
    void logoutStopsTheToken() {
        var answer = login();
        var accessToken = VkHttp.json(exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI))
                .path("access_token")
                .asString();

        var response = http.post("/oauth2/logout", VkHttp.pairs("access_token", accessToken, "client_id", CLIENT_ID));

        assertThat(VkHttp.json(response).path("response").asInt()).isEqualTo(1);
        assertThat(http.errorCode("users.get", accessToken)).isEqualTo(5);
    }

    @Test
    void logoutEndsEveryTokenOfTheAuthorization() {
        var answer = login();
        var first = VkHttp.json(exchange(answer.get("code"), verifier, answer.get("device_id"), REDIRECT_URI));
        var refreshed = VkHttp.json(refresh(first.path("refresh_token").asString(), answer.get("device_id")));
        var firstAccess = first.path("access_token").asString();
        assertThat(http.call("users.get", firstAccess).has("response")).isTrue();

        http.post(
                "/oauth2/logout",
                VkHttp.pairs("access_token", refreshed.path("access_token").asString(), "client_id", CLIENT_ID));

        assertThat(http.errorCode("users.get", firstAccess)).isEqualTo(5);
        assertThat(http.errorCode("users.get", refreshed.path("access_token").asString()))
                .isEqualTo(5);
    }

    @Test
    void answersOAuthErrorsWithHttp200WhenConfigured() {
        emulator.close();
        emulator = VkEmulator.start(
                Fixtures.config(clock).oauthErrorsAsHttp200(true).build());
        http = new VkHttp(emulator);

        assertOAuthError(refresh("nope", "device"), 200, "invalid_grant");
    }

    private Map<String, String> login() {
        return query(
                location(submitLogin(http.get(authorizeUrl(REDIRECT_URI)), TEACHER_LOGIN, TEACHER_PASSWORD, "login")));
    }

    private HttpResponse<String> submitLogin(HttpResponse<String> page, String login, String password, String action) {
        var form = new LinkedHashMap<String, String>();
        var matcher = HIDDEN.matcher(page.body());
        while (matcher.find()) {
            form.put(matcher.group(1), unescape(matcher.group(2)));
        }
        form.put("login", login);
        form.put("password", password);
        form.put("action", action);
        return http.post("/authorize", form);
    }

    private HttpResponse<String> exchange(String code, String codeVerifier, String deviceId, String redirectUri) {
        return http.post("/oauth2/auth", exchangeForm(code, codeVerifier, deviceId, redirectUri));
    }

    private LinkedHashMap<String, String> exchangeForm(
            String code, String codeVerifier, String deviceId, String redirectUri) {
        return VkHttp.pairs(
                "grant_type", "authorization_code",
                "code", code,
                "code_verifier", codeVerifier,
                "client_id", CLIENT_ID,
                "device_id", deviceId,
                "redirect_uri", redirectUri,
                "state", state);
    }

    private HttpResponse<String> refresh(String refreshToken, String deviceId) {
        return http.post(
                "/oauth2/auth",
                VkHttp.pairs(
                        "grant_type", "refresh_token",
                        "refresh_token", refreshToken,
                        "client_id", CLIENT_ID,
                        "device_id", deviceId,
                        "state", state));
    }

    private String authorizeUrl(String redirectUri) {
        return "/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&state=" + state
                + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=s256"
                + "&scope=" + URLEncoder.encode("vkid.personal_info email", StandardCharsets.UTF_8);
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = VkHttp.json(response);
        assertThat(body.path("error").asString()).isEqualTo(error);
        assertThat(body.path("error_description").asString()).isNotEmpty();
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> query(String url) {
        var map = new LinkedHashMap<String, String>();
        var query = URI.create(url).getRawQuery();
        for (var pair : query.split("&")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static String challenge(String codeVerifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        var buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
