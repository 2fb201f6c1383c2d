package ru.paragraf.vkemulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A VK ID login as the diary does it: the login form, then the code exchange with PKCE; and refreshes. */
final class VkIdLogin {

    private final VkHttp http;
    private final String verifier = random(48);
    private final String state = random(32);
    private String deviceId = random(16);

    VkIdLogin(VkHttp http) {
        this.http = http;
    }

    /** The same device, talking to another emulator (e.g. the same state file after a restart). */
    VkIdLogin against(VkHttp other) {
        var login = new VkIdLogin(other);
        login.deviceId = deviceId;
        return login;
    }

    /** Logs in on the VK ID page and exchanges the code; the answer has access_token and refresh_token. */
    JsonNode login(String login, String password) {
        var form = VkHttp.pairs(
                "response_type",
                "code",
                "client_id",
                Fixtures.CLIENT_ID,
                "redirect_uri",
                Fixtures.REDIRECT_URI,
                "state",
                state,
                "code_challenge",
                challenge(verifier),
                "code_challenge_method",
                "s256",
                "scope",
                "vkid.personal_info",
                "login",
                login,
                "password",
                password,
                "action",
                "login");
        var redirect = http.post("/authorize", form);
        if (redirect.statusCode() != 302) {
            throw new AssertionError("login failed: " + redirect.statusCode() + " " + redirect.body());
        }
        var answer = query(redirect.headers().firstValue("Location").orElseThrow());
        deviceId = answer.get("device_id");
        return ok(http.post(
                "/oauth2/auth",
                VkHttp.pairs(
                        "grant_type",
                        "authorization_code",
                        "code",
                        answer.get("code"),
                        "code_verifier",
                        verifier,
                        "client_id",
                        Fixtures.CLIENT_ID,
                        "device_id",
                        deviceId,
                        "redirect_uri",
                        Fixtures.REDIRECT_URI,
                        "state",
                        state)));
    }

    /** The refresh_token grant with this login's device; the whole answer, error or not. */
    JsonNode refresh(String refreshToken) {
        return VkHttp.json(http.post(
                "/oauth2/auth",
                VkHttp.pairs(
                        "grant_type", "refresh_token",
                        "refresh_token", refreshToken,
                        "client_id", Fixtures.CLIENT_ID,
                        "device_id", deviceId,
                        "state", state)));
    }

    private static JsonNode ok(java.net.http.HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("VK ID answered " + response.statusCode() + ": " + response.body());
        }
        return VkHttp.json(response);
    }

    private static Map<String, String> query(String url) {
        var map = new LinkedHashMap<String, String>();
        for (var pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        var buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
